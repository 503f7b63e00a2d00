#include "idlesource.h"

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

} // namespace suanli::host
