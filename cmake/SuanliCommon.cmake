# Build settings every Suanli target links through the INTERFACE target suanli_common:
# the C++ standard, warnings, strict Qt defines and optional sanitizers.

option(SUANLI_WERROR "Treat compiler warnings as errors (on in CI)" OFF)
option(SUANLI_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SUANLI_FUZZ "Build libFuzzer targets (needs clang)" OFF)

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(suanli_common INTERFACE)
target_compile_features(suanli_common INTERFACE cxx_std_20)
target_compile_options(suanli_common INTERFACE -Wall -Wextra -Wpedantic)
if(SUANLI_WERROR)
    target_compile_options(suanli_common INTERFACE -Werror)
endif()
target_compile_definitions(suanli_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
if(SUANLI_SANITIZE)
    target_compile_options(suanli_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(suanli_common INTERFACE -fsanitize=address,undefined)
endif()
