#pragma once
#include <stdexcept>
#include <string>

namespace peacesearch::server {

/// A request the server refuses: HTTP status, a stable machine code, a human message.
/// The HTTP layer turns it into {"error":{"code":…,"message":…}}.
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

}  // namespace peacesearch::server
