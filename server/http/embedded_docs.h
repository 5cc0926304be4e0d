#pragma once

/// Documents the server serves, compiled in from docs/.
namespace peacesearch::server::docs {
extern const char* const openapi_yaml;
}  // namespace peacesearch::server::docs
