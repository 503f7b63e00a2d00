# CPACK_PRE_BUILD_SCRIPTS (cmake/SuanliPackaging.cmake): runs once per generator after CPack
# has installed the components into its staging folders, before it packs them. The systemd
# units are installed to /lib/systemd/system (the .deb's place, bookworm); the .rpm's place is
# /usr/lib/systemd/system (docs/packaging.md, "Layout").
if(CPACK_GENERATOR STREQUAL "RPM")
    file(GLOB units "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/lib/systemd/system")
    foreach(dir IN LISTS units)
        get_filename_component(component_root "${dir}/../../.." ABSOLUTE)
        file(MAKE_DIRECTORY "${component_root}/usr/lib/systemd")
        file(RENAME "${dir}" "${component_root}/usr/lib/systemd/system")
        file(REMOVE_RECURSE "${component_root}/lib")
    endforeach()
endif()
