#include "hostengine.h"

#include "protocol/json.h"
#include "ssh/sshkey.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace suanli::host {

using protocol::CommandAction;
using protocol::InstanceState;

// Commands, the per-instance work queue, the state reports and adoption after a restart.

namespace {

QString reasonOf(const Error &e)
{
    // image_has_no_sshd and the other fixed reasons stand alone; the rest carry podman's words.
    if (e.code == "image_has_no_sshd"_L1 || e.message.isEmpty())
        return e.code;
    return e.code + u": "_s + e.message;
}

bool isTerminal(InstanceState s)
{
    return s == InstanceState::Destroyed || s == InstanceState::Failed;
}

} // namespace

void HostEngine::onCommand(const protocol::CommandMessage &command)
{
    // A start's spec says how many GPUs it asks for; an older market sends none.
    const std::optional<int> gpuCount = command.action == CommandAction::Start && command.spec
                                            ? std::optional<int>(command.spec->gpu_count)
                                            : std::nullopt;
    auto fresh = m_journal->recordCommand(command.id, command.instance_id, toString(command.action),
                                          gpuCount);
    if (m_link)
        m_link->send(protocol::toJson(protocol::AgentMessage{protocol::AckMessage{command.id}}));
    if (!fresh) {
        emit message(fresh.error().message);
        return;
    }
    if (!*fresh) {
        // Seen before (the market re-sends until it has our ack): run nothing twice. If it is
        // finished, repeat where the instance is, in case that report was lost.
        auto it = m_live.find(command.instance_id);
        if (it != m_live.end() && m_journal->isCommandDone(command.id))
            report(it->second.record);
        return;
    }
    const qint64 id = command.instance_id;
    emit message(u"instance %1: %2 (%3)"_s.arg(id).arg(toString(command.action), command.id));
    switch (command.action) {
    case CommandAction::Create:
        enqueueCommand(id, command.id, [this, id, command](std::function<void()> done) {
            doCreate(id, command, std::move(done));
        });
        if (command.spec && command.spec->copy_from)
            offerCopyKey(id); // a clone: the copy's key, while the container is made
        break;
    case CommandAction::Start:
        enqueueCommand(id, command.id,
                       [this, id, cid = command.id, gpuCount](std::function<void()> done) {
                           doStart(id, cid, gpuCount, std::move(done));
                       });
        break;
    case CommandAction::Stop:
        enqueueCommand(
            id, command.id,
            [this, id, cid = command.id, reason = command.reason](std::function<void()> done) {
                doStop(id, cid, reason, std::move(done));
            });
        break;
    case CommandAction::Destroy:
        cancelCopy(id);
        enqueueCommand(id, command.id, [this, id, cid = command.id](std::function<void()> done) {
            doDestroy(id, cid, std::move(done));
        });
        break;
    case CommandAction::SaveImage:
        if (auto it = m_live.find(id); it == m_live.end() || it->second.record.seq == 0) {
            // Not an instance of this agent: answered at once, no queue (nor instance) made.
            doSaveImage(id, command,
                        [this, cid = command.id] { (void)m_journal->markCommandDone(cid); });
            break;
        }
        // In the instance's queue: never beside its own stop, start or destroy.
        enqueueCommand(id, command.id, [this, id, command](std::function<void()> done) {
            doSaveImage(id, command, std::move(done));
        });
        break;
    case CommandAction::DeleteImage:
        doDeleteImage(command);
        break;
    case CommandAction::AuthorizeKey:
    case CommandAction::RevokeKey:
    case CommandAction::Copy:
        onCopyCommand(command); // hostengine_copy.cpp
        break;
    }
}

void HostEngine::enqueue(qint64 instanceId, std::function<void(std::function<void()>)> op)
{
    m_live[instanceId].ops.push_back(std::move(op));
    pump(instanceId);
}

void HostEngine::enqueueCommand(qint64 instanceId, const QString &commandId,
                                std::function<void(std::function<void()>)> op)
{
    if (!commandId.isEmpty())
        m_queuedCommands.insert(commandId);
    enqueue(instanceId, [this, commandId, op = std::move(op)](std::function<void()> done) {
        op([this, commandId, done = std::move(done)] {
            (void)m_journal->markCommandDone(commandId);
            m_queuedCommands.remove(commandId);
            done();
        });
    });
}

void HostEngine::pump(qint64 instanceId)
{
    Live &live = m_live[instanceId];
    if (live.busy || live.ops.empty())
        return;
    live.busy = true;
    auto op = std::move(live.ops.front());
    live.ops.pop_front();
    op([this, instanceId] {
        Live &l = m_live[instanceId];
        l.busy = false;
        pump(instanceId);
    });
}

Result<void> HostEngine::transition(qint64 id, InstanceState state, const QString &reason,
                                    const QString &commandId)
{
    Live &live = m_live[id];
    InstanceRecord &r = live.record;
    r.id = id;
    r.state = state;
    r.reason = reason;
    r.commandId = commandId;
    ++r.seq;
    // The time of the transition travels with every sending of this report, a repeat after a
    // reconnect included, so the market can bill to it (docs/protocol.md, `at`).
    r.at = QDateTime::currentMSecsSinceEpoch();
    // Journal first: after kill -9 the next report must carry a higher seq than any sent.
    if (auto s = m_journal->save(r); !s) {
        emit message(s.error().message);
        return s;
    }
    emit message(u"instance %1: %2%3"_s.arg(id).arg(
        toString(state), reason.isEmpty() ? QString() : u" (%1)"_s.arg(reason)));
    emit instanceChanged(r);
    report(r);
    updateRelayForwards();
    return {};
}

void HostEngine::report(const InstanceRecord &r)
{
    if (r.seq == 0)
        return;
    protocol::InstanceStateMessage m;
    m.instance_id = r.id;
    m.seq = r.seq;
    m.state = r.state;
    m.reason = r.reason;
    m.command_id = r.commandId;
    if (r.at > 0)
        m.at = r.at;
    if (r.state == InstanceState::Running) {
        m.ssh = protocol::SshEndpoint{m_options.config.address, r.port, u"root"_s, r.hostKey,
                                      std::nullopt};
        if (!r.jupyterToken.isEmpty())
            m.jupyter = protocol::JupyterEndpoint{8888, r.jupyterToken};
    }
    sendOrBuffer(u"instance_state"_s, protocol::toJson(protocol::AgentMessage{m}));
}

std::optional<int> HostEngine::allocatePort(const QSet<int> &published) const
{
    QSet<int> used = published;
    for (const auto &[id, live] : m_live) {
        if (live.record.state != InstanceState::Destroyed && live.record.port)
            used.insert(live.record.port);
    }
    const HostConfig &c = m_options.config;
    const QHostAddress bind(m_runtime->bindAddress());
    const int span = c.portMax - c.portMin + 1;
    const int first = int(QRandomGenerator::global()->bounded(span));
    for (int i = 0; i < span; ++i) {
        const int port = c.portMin + (first + i) % span;
        if (used.contains(port))
            continue;
        // Free right now? Another program (or a socket in TIME_WAIT) may hold it.
        QTcpServer probe;
        if (probe.listen(bind.isNull() ? QHostAddress(QHostAddress::Any) : bind, quint16(port))) {
            probe.close();
            return port;
        }
    }
    return std::nullopt;
}

QSet<QString> HostEngine::heldGpus(qint64 except) const
{
    QSet<QString> held = m_staleGpus;
    for (const auto &[id, live] : m_live) {
        const InstanceState s = live.record.state;
        if (id != except && !isTerminal(s) && (s != InstanceState::Stopped || live.busy))
            held.unite(QSet<QString>(live.record.gpus.cbegin(), live.record.gpus.cend()));
    }
    return held;
}

std::optional<QStringList> HostEngine::allocateGpus(int count, qint64 except) const
{
    if (count == 0)
        return QStringList();
    if (count < 0 || !m_gpusUsable)
        return std::nullopt;
    const QSet<QString> held = heldGpus(except);
    // A stopped instance's GPUs last: the market may still hold them for it (a plan instance),
    // and one not taken is one its next start need not make its container again for.
    QSet<QString> parked;
    for (const auto &[id, live] : m_live) {
        if (id != except && live.record.state == InstanceState::Stopped)
            parked.unite(QSet<QString>(live.record.gpus.cbegin(), live.record.gpus.cend()));
    }
    QStringList chosen;
    for (bool takeParked : {false, true}) {
        for (const protocol::GpuInfo &g : m_probe->devices()) {
            if (chosen.size() == count)
                break;
            if (!held.contains(g.uuid) && !chosen.contains(g.uuid) &&
                (takeParked || !parked.contains(g.uuid)))
                chosen.append(g.uuid);
        }
    }
    if (chosen.size() < count)
        return std::nullopt;
    return chosen;
}

void HostEngine::doCreate(qint64 id, const protocol::CommandMessage &command,
                          std::function<void()> done)
{
    Live &live = m_live[id];
    if (live.record.seq > 0) {
        // A second create for an instance we know (e.g. a new command id after a market
        // restore): where it stands is the answer.
        report(live.record);
        done();
        return;
    }
    InstanceRecord &r = live.record;
    r.id = id;
    r.spec = command.spec.value_or(protocol::InstanceSpec{});
    if (r.spec.registry) {
        // The registry's login stays in memory: the journal never holds it.
        m_runtime->rememberRegistry({r.spec.registry->url, r.spec.registry->username,
                                     r.spec.registry->password, m_options.config.registryCertDir});
        r.spec.registry.reset();
    }
    r.container = ContainerRuntime::containerName(m_journal->agentId(), id);
    const HostConfig &c = m_options.config;
    const auto fail = [this, id, cid = command.id, done](const QString &reason) {
        (void)transition(id, InstanceState::Failed, reason, cid);
        done();
    };
    if (!command.spec)
        return fail(u"invalid_command: create without spec"_s);
    if (!c.isImageAllowed(r.spec.image))
        return fail(u"image_not_allowed: this host does not run %1"_s.arg(r.spec.image));
    if (r.spec.disk_gb > c.diskQuotaGb)
        return fail(u"disk_quota_exceeded: this host gives at most %1 GB per instance"_s.arg(
            c.diskQuotaGb));
    if (!m_available)
        return fail(u"host_unavailable: "_s + m_unavailableReason);
    if (!c.lendsAt(QDateTime::currentDateTime()))
        return fail(u"outside_schedule: the host does not lend at this time"_s);
    auto gpus = allocateGpus(r.spec.gpu_count);
    if (!gpus)
        return fail(u"gpus_unavailable: %1 GPU(s) asked, not enough free on this host"_s.arg(
            r.spec.gpu_count));
    r.gpus = *gpus;
    // Ports other containers publish (other agents, local mode beside a server agent) are
    // taken even when nothing listens on them: rootful podman publishes by iptables DNAT.
    m_runtime->publishedPorts(
        [this, id, cid = command.id, fail, done](const Result<QSet<int>> &published) {
            if (!published)
                return fail(reasonOf(published.error()));
            allocateAndProvision(id, cid, *published, fail, done);
        });
}

void HostEngine::allocateAndProvision(qint64 id, const QString &commandId,
                                      const QSet<int> &published,
                                      const std::function<void(const QString &)> &fail,
                                      std::function<void()> done)
{
    InstanceRecord &r = m_live[id].record;
    const HostConfig &c = m_options.config;
    auto port = allocatePort(published);
    if (!port)
        return fail(
            u"no_free_port: every port from %1 to %2 is taken"_s.arg(c.portMin).arg(c.portMax));
    r.port = *port;
    if (r.spec.jupyter) {
        const auto image =
            std::find_if(c.images.cbegin(), c.images.cend(),
                         [&](const protocol::Image &i) { return i.ref == r.spec.image; });
        // A saved image has Jupyter when the image it came from had (the market says so with
        // has_jupyter); the bootstrap starts it only where a notebook is installed.
        const bool saved = r.spec.image.contains(u"/suanli-images/img-"_s);
        if ((image != c.images.cend() && image->has_jupyter) || saved) {
            QByteArray token(24, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(token.data()), 6);
            r.jupyterToken = QString::fromLatin1(token.toHex());
        }
    }
    if (auto t = transition(id, InstanceState::Provisioning, {}, commandId); !t)
        return fail(u"journal_error"_s);
    provision(id, std::move(done));
}

void HostEngine::provision(qint64 id, std::function<void()> done)
{
    InstanceRecord &r = m_live[id].record;
    // The instance's sshd host key: the one OpenSSH key writer (ssh/sshkey.h), unencrypted.
    auto key = ssh::generateEd25519Key(u"suanli-instance-%1"_s.arg(id));
    if (!key) {
        // The agent's reason code stays its own; the words are ssh/'s.
        const Error failed = makeError(u"host_key_failed"_s, key.error().message);
        (void)transition(id, InstanceState::Failed, reasonOf(failed), r.commandId);
        done();
        return;
    }
    r.hostKey = key->publicKeyLine;
    (void)m_journal->save(r);
    const QString commandId = r.commandId;
    m_runtime->create(
        r, QString::fromUtf8(key->privateKey),
        [this, id, commandId, done](const Result<void> &created) {
            if (!created) {
                // Nothing half-made stays behind; the instance is failed with the real reason.
                const InstanceRecord rec = m_live[id].record;
                m_runtime->destroy(rec, [this, id, commandId, reason = reasonOf(created.error()),
                                         done](const Result<void> &) {
                    (void)transition(id, InstanceState::Failed, reason, commandId);
                    done();
                });
                return;
            }
            m_runtime->start(m_live[id].record,
                             [this, id, commandId, done](const Result<void> &started) {
                                 if (!started) {
                                     (void)transition(id, InstanceState::Failed,
                                                      reasonOf(started.error()), commandId);
                                     done();
                                     return;
                                 }
                                 (void)transition(id, InstanceState::Running, {}, commandId);
                                 watch(id);
                                 done();
                             });
        });
}

void HostEngine::doStart(qint64 id, const QString &commandId, std::optional<int> gpuCount,
                         std::function<void()> done)
{
    InstanceRecord &r = m_live[id].record;
    if (r.seq == 0 || isTerminal(r.state)) {
        (void)transition(id, InstanceState::Failed,
                         u"container_lost: the agent has no such instance"_s, commandId);
        done();
        return;
    }
    if (r.state == InstanceState::Running) {
        r.commandId = commandId;
        report(r);
        done();
        return;
    }
    r.commandId = commandId;
    (void)m_journal->save(r);
    // Its GPUs may have gone to another instance while it was stopped: then it needs others.
    const QSet<QString> held = heldGpus(id);
    const bool taken = std::any_of(r.gpus.cbegin(), r.gpus.cend(),
                                   [&](const QString &uuid) { return held.contains(uuid); });
    if (taken || (gpuCount && *gpuCount != r.gpus.size()))
        recreateAndStart(id, commandId, gpuCount.value_or(int(r.gpus.size())), std::move(done));
    else
        startContainer(id, commandId, std::move(done));
}

void HostEngine::startContainer(qint64 id, const QString &commandId, std::function<void()> done)
{
    m_runtime->start(m_live[id].record, [this, id, commandId, done](const Result<void> &started) {
        if (!started) {
            // Data kept: the renter may try again.
            (void)transition(id, InstanceState::Stopped,
                             u"start_failed: "_s + reasonOf(started.error()), commandId);
            done();
            return;
        }
        (void)transition(id, InstanceState::Running, {}, commandId);
        watch(id);
        done();
    });
}

void HostEngine::recreateAndStart(qint64 id, const QString &commandId, int gpuCount,
                                  std::function<void()> done)
{
    InstanceRecord &r = m_live[id].record;
    const auto gpus = allocateGpus(gpuCount, id);
    if (!gpus) {
        (void)transition(id, InstanceState::Stopped,
                         u"start_failed: gpus_unavailable: %1 GPU(s) asked, not enough free on "
                         "this host"_s.arg(gpuCount),
                         commandId);
        done();
        return;
    }
    emit message(u"instance %1: making its container again with %2 GPU(s) (had: %3)"_s.arg(id)
                     .arg(gpus->size())
                     .arg(r.gpus.isEmpty() ? u"none"_s : r.gpus.join(u", "_s)));
    const QStringList before = r.gpus;
    // Held from now on (in memory), so that a create meanwhile does not take them; the journal
    // has them once the container does.
    r.gpus = *gpus;
    QElapsedTimer took;
    took.start();
    m_runtime->recreate(
        r, [this, id, commandId, before, took, done](const Result<void> &made, bool oldKept) {
            InstanceRecord &rec = m_live[id].record;
            if (!oldKept)
                rec.logOffset = 0; // the old container's log went with it; a new one starts empty
            if (!made) {
                if (oldKept)
                    rec.gpus = before; // the old container, with its old GPUs, is still there
                if (made.error().code == "container_lost"_L1) {
                    (void)transition(id, InstanceState::Failed, reasonOf(made.error()), commandId);
                } else {
                    // The volume and the kept image (or the old container) stay: a later start
                    // tries again, also with the GPUs of before.
                    (void)transition(id, InstanceState::Stopped,
                                     u"start_failed: "_s + reasonOf(made.error()), commandId);
                }
                done();
                return;
            }
            emit message(u"instance %1: container made again from %2 in %3 ms"_s.arg(id)
                             .arg(ContainerRuntime::keptImage(rec.container))
                             .arg(took.elapsed()));
            (void)m_journal->save(rec);
            startContainer(id, commandId, done);
        });
}

void HostEngine::doStop(qint64 id, const QString &commandId, const QString &reason,
                        std::function<void()> done)
{
    Live &live = m_live[id];
    InstanceRecord &r = live.record;
    if (r.seq == 0 || isTerminal(r.state)) {
        if (r.seq)
            report(r);
        done();
        return;
    }
    live.metrics.reset();
    live.logs.reset();
    r.commandId = commandId;
    (void)m_journal->save(r);
    m_runtime->stop(r, [this, id, commandId, reason, done](const Result<void> &stopped) {
        if (!stopped && stopped.error().code == "container_lost"_L1)
            (void)transition(id, InstanceState::Failed, reasonOf(stopped.error()), commandId);
        else if (!stopped)
            emit message(u"instance %1: %2"_s.arg(id).arg(stopped.error().message));
        if (stopped)
            (void)transition(id, InstanceState::Stopped, reason, commandId);
        done();
    });
}

void HostEngine::doDestroy(qint64 id, const QString &commandId, std::function<void()> done)
{
    Live &live = m_live[id];
    live.metrics.reset();
    live.logs.reset();
    InstanceRecord &r = live.record;
    if (r.container.isEmpty())
        r.container = ContainerRuntime::containerName(m_journal->agentId(), id);
    r.commandId = commandId;
    r.id = id;
    if (r.state == InstanceState::Destroyed) {
        report(r);
        done();
        return;
    }
    (void)m_journal->save(r);
    m_runtime->destroy(r, [this, id, commandId, done](const Result<void> &destroyed) {
        if (!destroyed)
            (void)transition(id, InstanceState::Failed, reasonOf(destroyed.error()), commandId);
        else
            (void)transition(id, InstanceState::Destroyed, {}, commandId);
        done();
    });
}

void HostEngine::watch(qint64 id)
{
    Live &live = m_live[id];
    const QString name = live.record.container;
    m_runtime->inspect(name, [this, id](const Result<ContainerRuntimeInfo> &info) {
        Live &l = m_live[id];
        if (!info || l.record.state != InstanceState::Running)
            return;
        const RuntimeSettings &rs = m_podman.settings();
        if (rs.rootless && rs.cgroupVersion == "v1"_L1)
            l.metrics =
                std::make_unique<InstanceMetrics>(InstanceMetrics::forProcessTree(info->pid));
        else
            l.metrics = std::make_unique<InstanceMetrics>(info->cgroupPath);
        l.metrics->read(m_monotonic.elapsed()); // first CPU reading: the baseline
        if (!info->logPath.isEmpty())
            l.logs = std::make_unique<LogTail>(info->logPath, l.record.logOffset);
    });
}

void HostEngine::onContainerGone(qint64 id)
{
    Live &live = m_live[id];
    live.metrics.reset();
    live.logs.reset();
    enqueue(id, [this, id](std::function<void()> done) {
        m_runtime->inspect(
            m_live[id].record.container,
            [this, id, done](const Result<ContainerRuntimeInfo> &info) {
                InstanceRecord &r = m_live[id].record;
                if (r.state != InstanceState::Running) {
                    done();
                    return;
                }
                if (!info) {
                    (void)transition(id, InstanceState::Failed, u"container_lost"_s, {});
                } else if (info->state == "running"_L1) {
                    watch(id); // a cgroup read hiccup; keep going
                } else {
                    const QString why = info->oomKilled
                                            ? u"oom_killed"_s
                                            : u"container_exited: status %1"_s.arg(info->exitCode);
                    (void)transition(id, InstanceState::Stopped, why, {});
                }
                done();
            });
    });
}

void HostEngine::adopt()
{
    m_runtime->list([this](const Result<QList<ContainerInfo>> &containers) {
        if (!containers) {
            emit message(u"cannot list containers: %1"_s.arg(containers.error().message));
            return;
        }
        adoptWith(*containers);
    });
}

void HostEngine::adoptWith(const QList<ContainerInfo> &containers)
{
    QHash<qint64, ContainerInfo> byId;
    for (const ContainerInfo &c : containers)
        byId.insert(c.instanceId, c);
    // Containers of ours the journal does not know: made just before a crash, never reported.
    for (const ContainerInfo &c : containers) {
        if (!m_live.count(c.instanceId)) {
            emit message(u"removing orphan container %1"_s.arg(c.name));
            InstanceRecord orphan;
            orphan.id = c.instanceId;
            orphan.container = c.name;
            m_runtime->destroy(orphan, [](const Result<void> &) {});
        }
    }
    for (auto &[id, live] : m_live) {
        if (!m_adoptable.contains(id))
            continue; // made by this process since it started: not ours to reconcile
        const InstanceRecord &r = live.record;
        const qint64 instanceId = id;
        const bool exists = byId.contains(id);
        const bool running = exists && byId.value(id).running();
        const QString cid = r.commandId;
        if (r.state == InstanceState::Provisioning) {
            // Interrupted mid-create: make it again from the journal's spec (a fresh host key).
            enqueueCommand(id, cid, [this, instanceId](std::function<void()> done) {
                provision(instanceId, std::move(done));
            });
        } else if (r.state == InstanceState::Running && !exists) {
            enqueue(id, [this, instanceId, cid](std::function<void()> done) {
                (void)transition(instanceId, InstanceState::Failed, u"container_lost"_s, cid);
                done();
            });
        } else if (r.state == InstanceState::Running && running) {
            emit message(u"instance %1: adopted running container %2"_s.arg(id).arg(r.container));
            watch(id);
        } else if (r.state == InstanceState::Running) {
            // The machine restarted under it (or the container was stopped behind the agent's
            // back): bring it back as the market expects it. Not through doStart, which takes a
            // record that says running for a running container and only reports it.
            enqueue(id, [this, instanceId, cid](std::function<void()> done) {
                emit message(
                    u"instance %1: container %2 was not running; starting it"_s.arg(instanceId)
                        .arg(m_live[instanceId].record.container));
                m_runtime->start(m_live[instanceId].record, [this, instanceId, cid,
                                                             done](const Result<void> &started) {
                    if (!started)
                        (void)transition(instanceId, InstanceState::Stopped,
                                         u"start_failed: "_s + reasonOf(started.error()), cid);
                    else
                        watch(instanceId);
                    done();
                });
            });
        } else if (r.state == InstanceState::Stopped && running) {
            enqueue(id, [this, instanceId, cid, reason = r.reason](std::function<void()> done) {
                doStop(instanceId, cid, reason, std::move(done));
            });
        }
    }
    // Commands acknowledged before the restart but not carried out: the market will not send
    // them again, so they run now, in the order they came.
    for (const PendingCommand &c : m_journal->unfinishedCommands()) {
        if (m_queuedCommands.contains(c.id))
            continue; // arrived again from the market before adoption got here
        const qint64 instanceId = c.instanceId;
        const QString cid = c.id;
        if (c.action == "start"_L1)
            enqueueCommand(instanceId, cid,
                           [this, instanceId, cid, gpus = c.gpuCount](std::function<void()> done) {
                               doStart(instanceId, cid, gpus, std::move(done));
                           });
        else if (c.action == "stop"_L1)
            enqueueCommand(instanceId, cid, [this, instanceId, cid](std::function<void()> done) {
                doStop(instanceId, cid, {}, std::move(done));
            });
        else if (c.action == "destroy"_L1)
            enqueueCommand(instanceId, cid, [this, instanceId, cid](std::function<void()> done) {
                doDestroy(instanceId, cid, std::move(done));
            });
    }
}

} // namespace suanli::host
