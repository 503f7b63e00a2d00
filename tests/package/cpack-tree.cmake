# ctest's package_cpack (tests/package/CMakeLists.txt): the .deb and .rpm files of the build
# tree BINARY into DIST, fresh each run.
file(REMOVE_RECURSE ${DIST})
file(MAKE_DIRECTORY ${DIST})
execute_process(COMMAND ${CPACK} -G "DEB;RPM" -B ${BINARY}/cpack
                        -D CPACK_OUTPUT_FILE_PREFIX=${DIST}
                WORKING_DIRECTORY ${BINARY} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack failed (${rc})")
endif()
file(GLOB packages ${DIST}/*.deb ${DIST}/*.rpm)
list(LENGTH packages count)
if(NOT count EQUAL 6)
    message(FATAL_ERROR "expected 6 packages in ${DIST}, got: ${packages}")
endif()
