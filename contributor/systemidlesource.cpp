#include "systemidlesource.h"

#include <vector>

namespace suanli::contributor {

std::unique_ptr<IdleSource> createSystemIdleSource()
{
    std::vector<std::unique_ptr<IdleSource>> sources;
    const auto add = [&sources](std::unique_ptr<IdleSource> s) {
        if (s)
            sources.push_back(std::move(s));
    };
    add(createNativeIdleSource());
    // On Wayland the X server (XWayland) sees only X clients' input: ask the compositor first.
    // On X11 the extension answers synchronously from the server and needs no desktop service.
    const bool wayland = qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
    if (!wayland)
        add(createX11IdleSource());
    add(createGnomeIdleSource());
    add(createFreedesktopIdleSource());
    if (wayland)
        add(createX11IdleSource());
    return std::make_unique<host::FirstKnownIdleSource>(std::move(sources));
}

} // namespace suanli::contributor
