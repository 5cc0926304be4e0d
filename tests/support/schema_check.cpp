#include "tests/support/schema_check.h"

#include <yaml-cpp/yaml.h>

#include <regex>

namespace peacesearch::testing {
namespace {

nlohmann::json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& kv : node) out[kv.first.as<std::string>()] = to_json(kv.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& v : node) out.push_back(to_json(v));
      return out;
    }
    case YAML::NodeType::Scalar: {
      std::string s = node.Scalar();
      if (node.Tag() == "!") return s;  // quoted
      static const std::regex integer("^-?[0-9]+$"), number("^-?[0-9]+\\.[0-9]+$");
      if (std::regex_match(s, integer)) return std::stoll(s);
      if (std::regex_match(s, number)) return std::stod(s);
      if (s == "true") return true;
      if (s == "false") return false;
      return s;
    }
    default:
      return nullptr;
  }
}

const nlohmann::json& resolve(const nlohmann::json& schema, const nlohmann::json& spec) {
  if (!schema.contains("$ref")) return schema;
  std::string ref = schema["$ref"];  // "#/components/schemas/Name"
  return resolve(spec.at(nlohmann::json::json_pointer(ref.substr(1))), spec);
}

bool has_type(const nlohmann::json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  return false;
}

}  // namespace

nlohmann::json load_yaml(const std::string& file) {
  return to_json(YAML::LoadFile(file));
}

std::vector<std::string> check_schema(const nlohmann::json& value, const nlohmann::json& raw,
                                      const nlohmann::json& spec, const std::string& path) {
  const nlohmann::json& schema = resolve(raw, spec);
  std::vector<std::string> problems;
  if (value.is_null()) {
    if (!schema.value("nullable", false)) problems.push_back(path + ": null but not nullable");
    return problems;
  }
  if (schema.contains("type") && !has_type(value, schema["type"])) {
    problems.push_back(path + ": expected " + schema["type"].get<std::string>() + ", got " +
                       value.type_name());
    return problems;
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& e : schema["enum"]) found = found || e == value;
    if (!found) problems.push_back(path + ": " + value.dump() + " not in enum");
  }
  if (value.is_object()) {
    for (const auto& r : schema.value("required", nlohmann::json::array()))
      if (!value.contains(r.get<std::string>()))
        problems.push_back(path + ": missing required " + r.get<std::string>());
    const auto props = schema.value("properties", nlohmann::json::object());
    for (const auto& [k, v] : value.items()) {
      if (props.contains(k)) {
        for (auto& p : check_schema(v, props[k], spec, path + "." + k)) problems.push_back(p);
      } else if (schema.contains("additionalProperties")) {
        for (auto& p : check_schema(v, schema["additionalProperties"], spec, path + "." + k))
          problems.push_back(p);
      } else {
        problems.push_back(path + ": property " + k + " is not described");
      }
    }
  }
  if (value.is_array() && schema.contains("items"))
    for (size_t i = 0; i < value.size(); ++i)
      for (auto& p :
           check_schema(value[i], schema["items"], spec, path + "[" + std::to_string(i) + "]"))
        problems.push_back(p);
  return problems;
}

}  // namespace peacesearch::testing
