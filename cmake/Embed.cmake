# embed_files(OUT_CPP HEADER NAMESPACE name=path ...): compiles data files into a library,
# so binaries never look for them at run time.
function(embed_files out_cpp header namespace)
  set(files "")
  set(deps "")
  foreach(pair ${ARGN})
    string(REPLACE "=" ";" parts ${pair})
    list(GET parts 1 path)
    list(APPEND deps ${path})
    list(APPEND files ${pair})
  endforeach()
  string(REPLACE ";" "\\;" files_arg "${files}")
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DHEADER=${header} -DNAMESPACE=${namespace}
            "-DFILES=${files_arg}" -P ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS ${PROJECT_SOURCE_DIR}/cmake/embed.cmake ${deps}
    COMMENT "Embedding ${header}")
endfunction()
