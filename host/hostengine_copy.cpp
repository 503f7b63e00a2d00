#include "hostengine.h"

#include "protocol/json.h"
#include "ssh/sshkey.h"

#ifdef SUANLI_HAVE_SYNC
#include "workspacecopy.h"
#endif

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace suanli::host {

// Clone and move (docs/host.md "Clone and move", docs/protocol.md "Copying between hosts"): the
// target makes a one-time key and pulls the source's /workspace into the new instance's
// volume; the source authorizes that key in its instance for the copy only.

namespace {

/// What the copy's one-time key opens in the source container; the sshd there reads only this
/// file (containerruntime.cpp, AuthorizedKeysFile).
const QString kAuthorizedKeys = u"/etc/suanli/authorized_keys"_s;

} // namespace

QString HostEngine::copyKeyPath(qint64 id) const
{
    return QDir(m_options.config.stateDir).filePath(u"copy-%1_ed25519"_s.arg(id));
}

void HostEngine::sendCopyReport(const protocol::CopyProgressMessage &report, bool buffered)
{
    const QJsonObject json = protocol::toJson(protocol::AgentMessage{report});
    if (buffered)
        sendOrBuffer(u"copy_progress"_s, json); // the key and the end must arrive
    else if (m_link && m_link->isReady())
        m_link->send(json);
}

void HostEngine::offerCopyKey(qint64 id)
{
    auto key = ssh::generateEd25519Key(u"suanli-copy-%1"_s.arg(id));
    if (key)
        (void)QFile::remove(copyKeyPath(id));
    auto saved = key ? ssh::saveKeyPair(*key, copyKeyPath(id)) : Result<void>(key.error());
    protocol::CopyProgressMessage report;
    report.instance_id = id;
    if (!saved) {
        report.state = u"failed"_s;
        report.error = u"cannot make the copy's key: "_s + saved.error().message;
    } else {
        report.state = u"key"_s;
        report.public_key = key->publicKeyLine;
    }
    sendCopyReport(report, true);
}

void HostEngine::onCopyCommand(const protocol::CommandMessage &command)
{
    const qint64 id = command.instance_id;
    const auto live = m_live.find(id);
    const QString container = live == m_live.end() ? QString() : live->second.record.container;
    if (command.action == protocol::CommandAction::AuthorizeKey ||
        command.action == protocol::CommandAction::RevokeKey) {
        if (container.isEmpty() || !command.public_key.startsWith("ssh-ed25519 "_L1) ||
            command.public_key.contains(u'\n')) {
            emit message(u"instance %1: %2 refused (no such instance or no key)"_s.arg(id).arg(
                toString(command.action)));
            return;
        }
        const bool add = command.action == protocol::CommandAction::AuthorizeKey;
        // The key line travels as an argument, never through the shell's parser.
        const QString script =
            add ? u"grep -qxF -- \"$1\" %1 || printf '%s\\n' \"$1\" >> %1"_s.arg(kAuthorizedKeys)
                : u"grep -vxF -- \"$1\" %1 > %1.new; cat %1.new > %1; rm -f %1.new"_s.arg(
                      kAuthorizedKeys);
        m_podman.run({u"exec"_s, container, u"sh"_s, u"-c"_s, script, u"sh"_s, command.public_key},
                     this, [this, id, add](const ProcessResult &r) {
                         emit message(u"instance %1: copy key %2%3"_s.arg(id).arg(
                             add ? u"authorized"_s : u"revoked"_s,
                             r.ok() ? QString() : u" failed: "_s + r.reason()));
                     });
        return;
    }
    // Copy: into the new instance's volume.
    protocol::CopyProgressMessage failed;
    failed.instance_id = id;
    failed.state = u"failed"_s;
#ifdef SUANLI_HAVE_SYNC
    if (container.isEmpty() || !command.copy_from) {
        failed.error = u"no such instance on this host, or a copy without its source"_s;
        sendCopyReport(failed, true);
        return;
    }
    if (m_copies.count(id))
        return; // under way
    // After the instance's own commands: its create makes the volume the copy goes into. The
    // queued step only starts the copy, so a later destroy is not held behind it.
    enqueue(id, [this, id, command, failed](std::function<void()> done) mutable {
        const auto it = m_live.find(id);
        if (it == m_live.end() || it->second.record.state != protocol::InstanceState::Running) {
            failed.error = u"the new instance is not running"_s;
            sendCopyReport(failed, true);
            done();
            return;
        }
        startCopy(id, command.copy_from->ssh, it->second.record.container);
        done();
    });
#else
    failed.error = u"this host agent was built without sync/ and cannot copy between hosts"_s;
    sendCopyReport(failed, true);
#endif
}

void HostEngine::startCopy(qint64 id, const protocol::SshEndpoint &source, const QString &container)
{
#ifdef SUANLI_HAVE_SYNC
    protocol::CopyProgressMessage failed;
    failed.instance_id = id;
    failed.state = u"failed"_s;
    m_podman.run({u"volume"_s, u"inspect"_s, u"--format"_s, u"{{.Mountpoint}}"_s, container}, this,
                 [this, id, source, failed](const ProcessResult &r) mutable {
                     const QString mountpoint = QString::fromUtf8(r.out.trimmed());
                     if (!r.ok() || mountpoint.isEmpty() || !QDir(mountpoint).exists()) {
                         failed.error = u"cannot find the new instance's volume: "_s + r.reason();
                         sendCopyReport(failed, true);
                         return;
                     }
                     auto *copy = new WorkspaceCopy(id, source, copyKeyPath(id), mountpoint, this);
                     connect(copy, &WorkspaceCopy::progress, this,
                             [this](const protocol::CopyProgressMessage &p) {
                                 // At most one report a second (the job samples five times a
                                 // second).
                                 if (p.state == "copying"_L1 && m_copyReported.isValid() &&
                                     m_copyReported.elapsed() < 1000)
                                     return;
                                 m_copyReported.start();
                                 sendCopyReport(p, p.state != "copying"_L1);
                             });
                     connect(copy, &WorkspaceCopy::finished, this,
                             [this, id](const protocol::CopyProgressMessage &end) {
                                 emit message(u"instance %1: copy %2 %3"_s.arg(id).arg(end.state,
                                                                                       end.error));
                                 sendCopyReport(end, true);
                                 (void)QFile::remove(copyKeyPath(id));
                                 (void)QFile::remove(copyKeyPath(id) + u".pub"_s);
                                 if (auto it = m_copies.find(id); it != m_copies.end()) {
                                     it->second->deleteLater(); // it is emitting now
                                     m_copies.erase(it);
                                 }
                             });
                     emit message(u"instance %1: copying /workspace from instance %2"_s.arg(id).arg(
                         source.host + u':' + QString::number(source.port)));
                     m_copies[id] = copy;
                     copy->start();
                 });
#else
    Q_UNUSED(id);
    Q_UNUSED(source);
    Q_UNUSED(container);
#endif
}

void HostEngine::cancelCopy(qint64 id)
{
#ifdef SUANLI_HAVE_SYNC
    if (auto it = m_copies.find(id); it != m_copies.end()) {
        emit message(u"instance %1: copy cancelled"_s.arg(id));
        delete it->second; // its destructor stops it
        m_copies.erase(it);
    }
#endif
    (void)QFile::remove(copyKeyPath(id));
    (void)QFile::remove(copyKeyPath(id) + u".pub"_s);
}

} // namespace suanli::host
