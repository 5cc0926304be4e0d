# Runs at install time (packaging/CMakeLists.txt), when CMAKE_INSTALL_PREFIX is final: writes the
# systemd unit with this installation's paths, and the environment file unless one is there.
set(prefix "${CMAKE_INSTALL_PREFIX}")
# As GNUInstallDirs says: the /usr prefix keeps its settings in /etc, any other in PREFIX/etc.
if(prefix STREQUAL "/usr")
  set(PS_SYSCONFDIR /etc)
else()
  set(PS_SYSCONFDIR "${prefix}/etc")
endif()
foreach(dir PS_BINDIR PS_DATADIR PS_DOCDIR)
  if(NOT IS_ABSOLUTE "${${dir}}")
    set(${dir} "${prefix}/${${dir}}")
  endif()
endforeach()

configure_file("${PS_UNIT_TEMPLATE}" "${PS_STAGE_DIR}/peacesearch.service" @ONLY)
file(INSTALL "${PS_STAGE_DIR}/peacesearch.service"
  DESTINATION "${prefix}/lib/systemd/system" FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ
  WORLD_READ)

# Local edits survive a reinstall; the Debian package marks it a conffile instead.
if(EXISTS "$ENV{DESTDIR}${PS_SYSCONFDIR}/peacesearch/env")
  message(STATUS "Keeping: $ENV{DESTDIR}${PS_SYSCONFDIR}/peacesearch/env")
else()
  file(INSTALL "${PS_ENV_FILE}" DESTINATION "${PS_SYSCONFDIR}/peacesearch"
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
endif()
