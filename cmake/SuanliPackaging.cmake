# The three Linux packages, .deb and .rpm, from this build's install() rules (docs/packaging.md).
# Components: app → suanli, host → suanli-host, market → suanli-market. `scripts/package`
# builds them into dist/; tests/package packages the test build tree the same way.

set(CPACK_PACKAGE_NAME "suanli")
set(CPACK_PACKAGE_VENDOR "Suanli developers")
set(CPACK_PACKAGE_CONTACT "Suanli developers <suanli@example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL "https://suanli.example.org/")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "rent and lend GPUs")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX "${SUANLI_DIST_DIR}")
set(CPACK_PACKAGE_DIRECTORY "${CMAKE_BINARY_DIR}/cpack")
set(CPACK_GENERATOR "DEB;RPM")
# The .rpm's systemd unit directory (installer/linux installs the .deb's).
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/SuanliPackagingPreBuild.cmake")

set(CPACK_COMPONENTS_ALL app host market)
set(CPACK_COMPONENTS_GROUPING IGNORE) # one package per component
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_RPM_COMPONENT_INSTALL ON)

set(linux ${PROJECT_SOURCE_DIR}/installer/linux)

# --- Debian -------------------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # suanli-host_0.2.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # dpkg-shlibdeps finds the libraries' packages
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)

# Hand-listed: what the programs run or load by name, which dpkg-shlibdeps cannot see — Qt's
# SQL drivers and SVG image plugin (plugins, dlopen), podman, sshd. The libraries themselves
# are dpkg-shlibdeps' (docs/packaging.md).
set(CPACK_DEBIAN_APP_PACKAGE_NAME "suanli")
set(CPACK_DEBIAN_APP_PACKAGE_SECTION "net")
# Local mode runs a market and a host in the app (SQLite); the window's icons are SVG; Qt's
# platform plugins beside the xcb one, which libqt6gui6 only recommends (the install test in a
# clean bookworm root, tests/package, needed them).
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, qt6-qpa-plugins")
# A Secret Service for the keychain (tokens), Qt's own translations and CJK fonts for the
# Chinese interface, Podman for contributor and local mode.
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS
    "gnome-keyring | libkf5wallet-bin, qt6-translations-l10n, fonts-noto-cjk, podman")
set(CPACK_DEBIAN_HOST_PACKAGE_NAME "suanli-host")
set(CPACK_DEBIAN_HOST_PACKAGE_SECTION "net")
# mkfs.ext4 makes each instance's /workspace image (docs/host.md, "Disk quota").
# nftables: the table inet suanli that keeps instances off the lender's network (docs/host.md,
# "Isolation").
set(CPACK_DEBIAN_HOST_PACKAGE_DEPENDS "podman, e2fsprogs, nftables, libqt6sql6-sqlite")
set(CPACK_DEBIAN_HOST_PACKAGE_CONTROL_EXTRA
    "${linux}/debian/host/postinst;${linux}/debian/host/prerm;${linux}/debian/host/postrm;${linux}/debian/host/conffiles")
set(CPACK_DEBIAN_MARKET_PACKAGE_NAME "suanli-market")
set(CPACK_DEBIAN_MARKET_PACKAGE_SECTION "net")
# SQLite by default, PostgreSQL by one line of market.conf: both drivers.
set(CPACK_DEBIAN_MARKET_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
set(CPACK_DEBIAN_MARKET_PACKAGE_RECOMMENDS "openssh-server")
set(CPACK_DEBIAN_MARKET_PACKAGE_CONTROL_EXTRA
    "${linux}/debian/market/postinst;${linux}/debian/market/prerm;${linux}/debian/market/postrm;${linux}/debian/market/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# --- RPM ----------------------------------------------------------------------------------
set(CPACK_RPM_FILE_NAME RPM-DEFAULT) # suanli-host-0.2.0-1.x86_64.rpm
set(CPACK_RPM_PACKAGE_RELEASE 1)
set(CPACK_RPM_PACKAGE_LICENSE "Proprietary") # no LICENSE file in the repository yet
set(CPACK_RPM_PACKAGE_URL "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_AUTOREQ ON) # rpm's dependency generator finds the libraries
set(CPACK_RPM_PACKAGE_AUTOPROV ON)
set(CPACK_RPM_APP_PACKAGE_NAME "suanli")
set(CPACK_RPM_APP_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_HOST_PACKAGE_NAME "suanli-host")
set(CPACK_RPM_HOST_PACKAGE_GROUP "System Environment/Daemons")
# Fedora's names: the SQLite driver is in qt6-qtbase (required through libQt6Sql), the
# PostgreSQL one in qt6-qtbase-postgresql, the SVG plugin in qt6-qtsvg.
set(CPACK_RPM_APP_PACKAGE_REQUIRES "qt6-qtsvg")
set(CPACK_RPM_HOST_PACKAGE_REQUIRES "podman, e2fsprogs, nftables")
set(CPACK_RPM_HOST_USER_FILELIST "%config(noreplace) /etc/suanli/host.ini")
set(CPACK_RPM_HOST_POST_INSTALL_SCRIPT_FILE "${linux}/rpm/host-post.sh")
set(CPACK_RPM_HOST_PRE_UNINSTALL_SCRIPT_FILE "${linux}/rpm/host-preun.sh")
set(CPACK_RPM_HOST_POST_UNINSTALL_SCRIPT_FILE "${linux}/rpm/host-postun.sh")
set(CPACK_RPM_MARKET_PACKAGE_NAME "suanli-market")
set(CPACK_RPM_MARKET_PACKAGE_GROUP "System Environment/Daemons")
set(CPACK_RPM_MARKET_PACKAGE_REQUIRES "qt6-qtbase-postgresql")
set(CPACK_RPM_MARKET_PACKAGE_SUGGESTS "openssh-server") # dropped by rpmbuilds without Suggests
set(CPACK_RPM_MARKET_USER_FILELIST "%config(noreplace) /etc/suanli/market.conf")
set(CPACK_RPM_MARKET_POST_INSTALL_SCRIPT_FILE "${linux}/rpm/market-post.sh")
set(CPACK_RPM_MARKET_PRE_UNINSTALL_SCRIPT_FILE "${linux}/rpm/market-preun.sh")
set(CPACK_RPM_MARKET_POST_UNINSTALL_SCRIPT_FILE "${linux}/rpm/market-postun.sh")
# Directories every system owns already: not claimed by our packages.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /etc /usr/lib/systemd /usr/lib/systemd/system /usr/share/applications /usr/share/icons
    /usr/share/icons/hicolor /usr/share/metainfo /usr/share/man /usr/share/man/man1
    /usr/share/man/man8)

# --- the components -----------------------------------------------------------------------
set(CPACK_COMPONENT_APP_DISPLAY_NAME "Suanli")
set(CPACK_COMPONENT_APP_DESCRIPTION
    "rent and lend GPUs (desktop app)
Suanli rents GPUs from a market and lends this computer's idle GPU to it.
The desktop app lists offers, launches instances and opens them over SSH
and Jupyter; contributor mode lends the GPU when the computer is idle.")
set(CPACK_COMPONENT_HOST_DISPLAY_NAME "Suanli host agent")
set(CPACK_COMPONENT_HOST_DESCRIPTION
    "Suanli host agent (lends a machine's GPUs)
The headless agent of the Suanli GPU market: it registers the machine with
a market and runs renters' instances as rootful Podman containers, with
their own SSH servers, disk quotas and telemetry.")
set(CPACK_COMPONENT_MARKET_DISPLAY_NAME "Suanli market")
set(CPACK_COMPONENT_MARKET_DESCRIPTION
    "Suanli GPU market server
The market of the Suanli GPU rental system: accounts, offers, instances,
billing and the hosts' agent channels over HTTP and WebSocket, on SQLite or
PostgreSQL, with an optional SSH relay for hosts behind NAT.")

foreach(component APP HOST MARKET)
    string(REGEX REPLACE "\n.*" "" summary "${CPACK_COMPONENT_${component}_DESCRIPTION}")
    set(CPACK_RPM_${component}_PACKAGE_SUMMARY "${summary}")
    string(REGEX REPLACE "^[^\n]*\n" "" body "${CPACK_COMPONENT_${component}_DESCRIPTION}")
    set(CPACK_RPM_${component}_PACKAGE_DESCRIPTION "${body}")
endforeach()

include(CPack)
