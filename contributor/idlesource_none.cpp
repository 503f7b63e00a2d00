// Stand-ins where a kind of idle source is not built for this platform (CMake picks).
#include "systemidlesource.h"

namespace suanli::contributor {

#ifndef SUANLI_HAVE_X11_IDLE
std::unique_ptr<IdleSource> createX11IdleSource(const QByteArray &)
{
    return nullptr;
}
#endif
#ifndef SUANLI_HAVE_DBUS_IDLE
std::unique_ptr<IdleSource> createGnomeIdleSource()
{
    return nullptr;
}
std::unique_ptr<IdleSource> createFreedesktopIdleSource()
{
    return nullptr;
}
#endif

} // namespace suanli::contributor
