# Configures and builds only the libFuzzer targets with clang in BINARY (see tests/CMakeLists.txt).
# cmake -DSOURCE=… -DBINARY=… -DCXX=clang++ -P fuzz-build.cmake
execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${BINARY} -G Ninja
            -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo
            -DSUANLI_FUZZ=ON -DSUANLI_PARTS= -DSUANLI_BUILD_BENCH=OFF
    RESULT_VARIABLE configured)
if(NOT configured EQUAL 0)
    message(FATAL_ERROR "configuring the clang fuzz build failed")
endif()
execute_process(
    COMMAND ${CMAKE_COMMAND} --build ${BINARY} --target fuzz_query fuzz_json
    RESULT_VARIABLE built)
if(NOT built EQUAL 0)
    message(FATAL_ERROR "building the fuzzers failed")
endif()
