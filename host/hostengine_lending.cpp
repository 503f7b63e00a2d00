// HostEngine's contributor-mode surface: availability, notices and owner stops. `availability`
// is protocol::AvailabilityMessage; `notice` is an agent → market addition the market does not
// know yet (docs/contributor.md): it answers an error message, which is only logged.
#include "hostengine.h"

#include "protocol/json.h"

using namespace Qt::StringLiterals;

namespace suanli::host {

void HostEngine::setAvailable(bool available, const QString &reason)
{
    const bool changed = !m_availabilitySet || available != m_available;
    m_availabilitySet = true;
    m_available = available;
    m_unavailableReason = available ? QString() : reason;
    if (changed) {
        emit message(available ? u"lending: available"_s
                               : u"lending: unavailable (%1)"_s.arg(reason));
        sendAvailability();
    }
}

void HostEngine::sendAvailability()
{
    // State, not an event: not journaled; sent again after every welcome.
    if (!m_availabilitySet || !m_link || !m_link->isReady())
        return;
    protocol::AvailabilityMessage m{m_available, m_unavailableReason};
    m_link->send(protocol::toJson(protocol::AgentMessage{m}));
}

void HostEngine::noticeInstance(qint64 id, const QDateTime &stopAt, const QString &reason)
{
    emit message(u"instance %1: owner back, stopping at %2 (%3)"_s.arg(id).arg(
        stopAt.toUTC().toString(Qt::ISODate), reason));
    if (m_link && m_link->isReady())
        m_link->send({{u"type"_s, u"notice"_s},
                      {u"instance_id"_s, id},
                      {u"stop_at"_s, protocol::formatTime(stopAt)},
                      {u"reason"_s, reason}});
}

void HostEngine::stopInstance(qint64 id, const QString &reason)
{
    auto it = m_live.find(id);
    if (it == m_live.end() || it->second.record.state != protocol::InstanceState::Running)
        return;
    emit message(u"instance %1: stopping (%2)"_s.arg(id).arg(reason));
    enqueue(id, [this, id, reason](std::function<void()> done) {
        doStop(id, {}, reason, std::move(done));
    });
}

} // namespace suanli::host
