#pragma once
// The OpenAPI 3.1 document of /api/v1 (src/web/openapi.json, compiled into the binary
// by CMake: nothing is read from disk at run time).

#include <string_view>

namespace assent::web {

std::string_view OpenApiDocument();

}  // namespace assent::web
