#include "hostengine.h"

#include "protocol/json.h"

using namespace Qt::StringLiterals;

// Saved images (docs/host.md, "Saved images"): save_image commits an instance's system disk as
// an image of its renter (and pushes it to the market's registry when the command names one),
// delete_image frees it again. Both report with `image_state`, kept in the outbox while the
// market is away.

namespace suanli::host {

using protocol::InstanceState;

void HostEngine::reportImage(const protocol::ImageStateMessage &report)
{
    emit message(u"image %1: %2%3"_s.arg(report.image_id)
                     .arg(report.state,
                          report.reason.isEmpty() ? QString() : u" ("_s + report.reason + u")"_s));
    sendOrBuffer(u"image"_s, protocol::toJson(protocol::AgentMessage{report}));
}

void HostEngine::doSaveImage(qint64 id, const protocol::CommandMessage &command,
                             std::function<void()> done)
{
    protocol::ImageStateMessage report;
    report.command_id = command.id;
    if (!command.image) {
        emit message(u"instance %1: save_image without an image"_s.arg(id));
        done();
        return;
    }
    report.image_id = command.image->id;
    report.ref = command.image->ref;
    const auto it = m_live.find(id);
    if (it == m_live.end() || it->second.record.seq == 0 || it->second.record.container.isEmpty()) {
        report.state = u"failed"_s;
        report.reason = u"container_lost: the agent has no such instance"_s;
        reportImage(report);
        done();
        return;
    }
    const InstanceRecord &r = it->second.record;
    if (r.state != InstanceState::Running && r.state != InstanceState::Stopped) {
        report.state = u"failed"_s;
        report.reason = u"invalid_state: the instance is %1"_s.arg(protocol::toString(r.state));
        reportImage(report);
        done();
        return;
    }
    std::optional<ContainerRuntime::Registry> registry;
    if (command.image->registry)
        registry = ContainerRuntime::Registry{
            command.image->registry->url, command.image->registry->username,
            command.image->registry->password, m_options.config.registryCertDir};
    emit message(u"instance %1: saving as %2"_s.arg(id).arg(report.ref));
    m_runtime->saveImage(
        r, report.ref, registry,
        [this, report, done](const Result<ContainerRuntime::SavedImage> &saved) mutable {
            if (!saved) {
                report.state = u"failed"_s;
                report.reason = saved.error().code + u": "_s + saved.error().message;
            } else {
                report.state = u"ready"_s;
                report.size_bytes = saved->sizeBytes;
                report.pushed = saved->pushed;
            }
            reportImage(report);
            done();
        });
}

void HostEngine::doDeleteImage(const protocol::CommandMessage &command)
{
    if (!command.image) {
        emit message(u"delete_image without an image"_s);
        return;
    }
    const protocol::ImageCommand image = *command.image;
    m_runtime->deleteImage(image.ref, [this, image, cid = command.id](const Result<void> &r) {
        (void)m_journal->markCommandDone(cid);
        if (!r)
            emit message(u"image %1: %2"_s.arg(image.id).arg(r.error().message));
        else
            emit message(u"image %1: deleted (%2)"_s.arg(image.id).arg(image.ref));
    });
}

} // namespace suanli::host
