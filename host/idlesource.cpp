#include "idlesource.h"

#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace suanli::host {

FirstKnownIdleSource::FirstKnownIdleSource(std::vector<std::unique_ptr<IdleSource>> sources)
    : m_sources(std::move(sources))
{}

IdleReading FirstKnownIdleSource::read()
{
    bool pending = false;
    QStringList why;
    for (size_t i = 0; i < m_sources.size(); ++i) {
        const IdleReading r = m_sources[i]->read();
        switch (r.status) {
        case IdleReading::Status::Known:
            m_lastKnown = int(i);
            return r;
        case IdleReading::Status::Pending:
            pending = true;
            break;
        case IdleReading::Status::Unavailable:
            why.append(u"%1: %2"_s.arg(m_sources[i]->name(), r.detail));
            break;
        }
    }
    m_lastKnown = -1;
    if (pending)
        return IdleReading::pending();
    if (why.isEmpty())
        return IdleReading::unavailable(u"no idle-time source on this platform"_s);
    return IdleReading::unavailable(why.join(u"; "_s));
}

QString FirstKnownIdleSource::name() const
{
    if (m_lastKnown >= 0)
        return m_sources[size_t(m_lastKnown)]->name();
    QStringList names;
    for (const auto &s : m_sources)
        names.append(s->name());
    return names.join(u", "_s);
}

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
    return std::make_unique<FirstKnownIdleSource>(std::move(sources));
}

} // namespace suanli::host
