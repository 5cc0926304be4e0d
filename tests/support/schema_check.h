#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace peacesearch::testing {

/// Checks a JSON value against an OpenAPI 3 schema (the subset docs/openapi.yaml uses: $ref,
/// type, nullable, required, properties, additionalProperties, items, enum). Returns the
/// problems found, each with its JSON path; empty when the value conforms. Properties not in
/// the schema are reported too, so the description cannot fall behind the server.
std::vector<std::string> check_schema(const nlohmann::json& value, const nlohmann::json& schema,
                                      const nlohmann::json& spec, const std::string& path = "$");

/// Reads a YAML file into JSON (yaml-cpp), scalars typed as YAML 1.2 core would type them.
nlohmann::json load_yaml(const std::string& file);

}  // namespace peacesearch::testing
