#include "containerruntime.h"

#include "containerruntime_p.h"
#include "toolprocess.h"

#include "protocol/tarstream.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace suanli::host {

using detail::findTool;
using detail::podmanError;

namespace {

constexpr int kSshWaitStepMs = 100;
// uids per instance under --userns=auto: 65536 covers every uid a Debian image uses (nobody
// is 65534); /etc/subuid's `containers` range is carved into such blocks (scripts/setup).
constexpr int kUsernsSize = 65536;
constexpr int kSshWaitAttempts = 200; // 20 s

// What sshd needs and nothing else: switch to the user and chroot for privilege separation,
// chown the pty, signal its own children, bind port 22.
const QString kCapabilities = u"CHOWN,SETUID,SETGID,SYS_CHROOT,KILL,NET_BIND_SERVICE"_s;

} // namespace

ContainerRuntime::ContainerRuntime(Podman &podman, QString agentId, QString bindAddress,
                                   InstanceLimits limits, QObject *parent)
    : QObject(parent)
    , m_podman(podman)
    , m_agentId(std::move(agentId))
    , m_bindAddress(std::move(bindAddress))
    , m_limits(limits)
{}

QString ContainerRuntime::containerName(const QString &agentId, qint64 instanceId)
{
    return u"suanli-%1-i%2"_s.arg(agentId).arg(instanceId);
}

QString ContainerRuntime::labelFilter() const
{
    return u"label=suanli.agent=%1"_s.arg(m_agentId);
}

QByteArray ContainerRuntime::bootstrapScript()
{
    return R"SH(#!/bin/sh
# PID 1 of a Suanli instance, written by the host agent.
[ -x /usr/sbin/sshd ] || { echo "suanli: image_has_no_sshd" >&2; exit 64; }
mkdir -p /run/sshd && chmod 0755 /run/sshd
# onstart runs once per instance: the marker holds the instance's name, so an instance made from
# a saved image runs its own onstart (docs/host.md, "Saved images").
if [ -s /etc/suanli/onstart.sh ] &&
   [ "$(cat /etc/suanli/onstart.done 2>/dev/null)" != "$(cat /etc/suanli/instance 2>/dev/null)" ]; then
    cat /etc/suanli/instance > /etc/suanli/onstart.done 2>/dev/null || : > /etc/suanli/onstart.done
    (cd /workspace && /bin/sh /etc/suanli/onstart.sh 2>&1 | sed 's/^/onstart: /') &
fi
if [ -s /etc/suanli/jupyter_token ]; then
    # Debian's python3-notebook has no `jupyter` command (that comes with jupyter-core).
    jupyter=
    if command -v jupyter >/dev/null 2>&1; then jupyter="jupyter notebook"
    elif python3 -c 'import notebook' >/dev/null 2>&1; then jupyter="python3 -m notebook"; fi
    if [ -n "$jupyter" ]; then
        (cd /workspace && exec $jupyter --ip=127.0.0.1 --port=8888 --no-browser --allow-root \
            --ServerApp.token="$(cat /etc/suanli/jupyter_token)" \
            --NotebookApp.token="$(cat /etc/suanli/jupyter_token)" \
            --notebook-dir=/workspace) >/var/log/suanli-jupyter.log 2>&1 &
    fi
fi
echo "suanli: starting sshd"
exec /usr/sbin/sshd -D -e -f /etc/suanli/sshd_config
)SH";
}

Result<QByteArray> ContainerRuntime::sshdConfig(const QMap<QString, QString> &env)
{
    QByteArray conf = "# Written by the Suanli host agent.\n"
                      "HostKey /etc/suanli/ssh_host_ed25519_key\n"
                      "AuthorizedKeysFile /etc/suanli/authorized_keys\n"
                      "PermitRootLogin prohibit-password\n"
                      "PasswordAuthentication no\n"
                      "KbdInteractiveAuthentication no\n"
                      "UsePAM no\n"
                      "PrintMotd no\n"
                      "AllowTcpForwarding yes\n"
                      "Subsystem sftp internal-sftp\n";
    static const QRegularExpression name(u"^[A-Za-z_][A-Za-z0-9_]{0,127}$"_s);
    QByteArray setEnv;
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        if (!name.match(it.key()).hasMatch())
            return makeError(u"invalid_env"_s,
                             u"environment variable name '%1' is not valid"_s.arg(it.key()));
        if (it.value().contains(u'"') || it.value().contains(u'\n') || it.value().contains(u'\\'))
            return makeError(u"invalid_env"_s, u"the value of %1 contains a quote, backslash or "
                                               "newline"_s.arg(it.key()));
        setEnv += " \"" + it.key().toUtf8() + '=' + it.value().toUtf8() + '"';
    }
    if (!setEnv.isEmpty())
        conf += "SetEnv" + setEnv + '\n';
    return conf;
}

QByteArray ContainerRuntime::handInArchive(const QList<HandedIn> &members, qint64 mtimeSeconds)
{
    QByteArray archive;
    for (const HandedIn &m : members) {
        QByteArray name = m.path.toUtf8();
        if (m.folder) {
            if (name.endsWith('/'))
                name.chop(1); // the writer adds the folder's slash
            protocol::tarstream::appendDirectory(archive, name, quint32(m.mode), mtimeSeconds);
        } else {
            protocol::tarstream::appendFile(archive, name, m.content.constData(), m.content.size(),
                                            quint32(m.mode), mtimeSeconds);
        }
    }
    protocol::tarstream::appendEnd(archive, 0);
    return archive;
}

QStringList ContainerRuntime::createArgs(const InstanceRecord &r, const QString &image) const
{
    const QString name = r.container;
    QString hostname = r.spec.label.toLower();
    hostname.replace(QRegularExpression(u"[^a-z0-9-]"_s), u"-"_s);
    if (hostname.isEmpty() || hostname.size() > 63)
        hostname = u"i%1"_s.arg(r.id);
    // One share per GPU, one for an instance without (what its offer states, DESIGN §9.4).
    const qint64 shares = std::max<qint64>(1, r.gpus.size());
    QStringList args = {
        u"create"_s,
        u"--name"_s,
        name,
        u"--hostname"_s,
        hostname,
        u"--label"_s,
        u"suanli.agent=%1"_s.arg(m_agentId),
        u"--label"_s,
        u"suanli.instance=%1"_s.arg(r.id),
        u"--cap-drop=all"_s,
        u"--cap-add=%1"_s.arg(kCapabilities),
        u"--security-opt"_s,
        u"no-new-privileges"_s,
        u"--pids-limit"_s,
        QString::number(m_limits.pidsLimit),
        u"--memory"_s,
        u"%1m"_s.arg(m_limits.memoryMb * shares),
        u"--memory-swap"_s,
        u"%1m"_s.arg(m_limits.memoryMb * shares),
        u"--cpus"_s,
        QString::number(m_limits.cpus * double(shares)),
        u"--stop-timeout"_s,
        QString::number(m_limits.stopTimeoutS),
        u"--log-driver"_s,
        u"k8s-file"_s,
        u"--log-opt"_s,
        u"max-size=10mb"_s,
        u"--publish"_s,
        u"%1:%2:22/tcp"_s.arg(m_bindAddress).arg(r.port),
        u"--volume"_s,
        u"%1:/workspace%2"_s.arg(name, m_limits.userns ? u":U"_s : QString()),
        u"--workdir"_s,
        u"/workspace"_s,
        u"--entrypoint"_s,
        u"[\"/bin/sh\",\"/etc/suanli/bootstrap.sh\"]"_s,
    };
    if (!m_limits.network.isEmpty())
        args << u"--network"_s << m_limits.network;
    if (m_limits.userns)
        args << u"--userns=auto:size=%1"_s.arg(kUsernsSize);
    for (const QString &uuid : r.gpus)
        args << u"--device"_s << u"nvidia.com/gpu=%1"_s.arg(uuid);
    for (auto it = r.spec.env.cbegin(); it != r.spec.env.cend(); ++it)
        args << u"--env"_s << it.key() + u'=' + it.value();
    args << image;
    return args;
}

void ContainerRuntime::create(const InstanceRecord &r, const QString &hostPrivateKey, Done done)
{
    auto config = sshdConfig(r.spec.env);
    if (!config) {
        done(config.error());
        return;
    }
    QList<HandedIn> members{
        {u"etc/suanli"_s, {}, 0700, true},
        {u"etc/suanli/bootstrap.sh"_s, bootstrapScript(), 0755},
        {u"etc/suanli/sshd_config"_s, *config, 0644},
        {u"etc/suanli/ssh_host_ed25519_key"_s, hostPrivateKey.toUtf8(), 0600},
        {u"etc/suanli/ssh_host_ed25519_key.pub"_s, r.hostKey.toUtf8() + '\n', 0644},
        {u"etc/suanli/authorized_keys"_s, r.spec.ssh_public_key.trimmed().toUtf8() + '\n', 0600},
    };
    // Written even when empty: an image saved from another instance holds that one's files,
    // which must not run (or answer) here.
    members.append({u"etc/suanli/instance"_s, r.container.toUtf8() + '\n', 0644});
    members.append({u"etc/suanli/jupyter_token"_s, r.jupyterToken.toUtf8(), 0600});
    members.append(
        {u"etc/suanli/onstart.sh"_s,
         r.spec.onstart.trimmed().isEmpty() ? QByteArray() : r.spec.onstart.toUtf8() + '\n', 0700});
    const QByteArray files = handInArchive(members, QDateTime::currentSecsSinceEpoch());
    const QString name = r.container;
    const QStringList args = createArgs(r, r.spec.image);

    // The steps, last first: each lambda is the continuation of the one before.
    auto handIn = [this, name, files, done] {
        m_podman.run(
            {u"cp"_s, u"-"_s, name + u":/"_s}, this,
            [done](const ProcessResult &res) {
                if (!res.ok())
                    done(podmanError(u"container_create_failed"_s,
                                     u"cannot copy the instance files in"_s, res));
                else
                    done({});
            },
            files);
    };
    auto checkSshd = [this, name, handIn, done] {
        // Reading the file out of the created container works for any image and user, rootless
        // included; exit status 0 means it exists.
        m_podman.run({u"cp"_s, name + u":/usr/sbin/sshd"_s, u"-"_s}, this,
                     [done, handIn](const ProcessResult &res) {
                         if (!res.ok()) {
                             done(makeError(u"image_has_no_sshd"_s,
                                            u"the image has no /usr/sbin/sshd; install "
                                            "openssh-server in it"_s));
                             return;
                         }
                         handIn();
                     });
    };
    auto createContainer = [this, name, args, checkSshd, done] {
        m_podman.run({u"container"_s, u"exists"_s, name}, this,
                     [this, args, checkSshd, done](const ProcessResult &exists) {
                         if (exists.ok()) { // a create interrupted by a restart: carry on
                             checkSshd();
                             return;
                         }
                         m_podman.run(args, this, [checkSshd, done](const ProcessResult &res) {
                             if (!res.ok())
                                 done(podmanError(u"container_create_failed"_s,
                                                  u"podman create failed"_s, res));
                             else
                                 checkSshd();
                         });
                     });
    };
    const qint64 diskGb = r.spec.disk_gb > 0 ? r.spec.disk_gb : m_limits.defaultDiskGb;
    auto createVolume = [this, name, id = r.id, diskGb, createContainer, done] {
        m_podman.run(
            {u"volume"_s, u"exists"_s, name}, this,
            [this, name, id, diskGb, createContainer, done](const ProcessResult &exists) {
                if (exists.ok()) {
                    createContainer();
                    return;
                }
                QStringList args = {u"volume"_s,  u"create"_s,
                                    u"--label"_s, u"suanli.agent=%1"_s.arg(m_agentId),
                                    u"--label"_s, u"suanli.instance=%1"_s.arg(id)};
                auto make = [this, args, name, createContainer, done](const QStringList &extra) {
                    m_podman.run(args + extra + QStringList{name}, this,
                                 [createContainer, done](const ProcessResult &res) {
                                     if (!res.ok())
                                         done(podmanError(u"volume_create_failed"_s,
                                                          u"podman volume create failed"_s, res));
                                     else
                                         createContainer();
                                 });
                };
                const QString image = volumeImage(name);
                if (image.isEmpty()) {
                    make({});
                    return;
                }
                // The quota is the filesystem's size: an ext4 image of disk_gb, loop-mounted by
                // podman when the container starts. Writing past it fails with ENOSPC.
                makeVolumeImage(image, diskGb, [make, image, done](const Result<void> &made) {
                    if (!made) {
                        done(made.error());
                        return;
                    }
                    make({u"--driver"_s, u"local"_s, u"--opt"_s, u"type=ext4"_s, u"--opt"_s,
                          u"device="_s + image, u"--opt"_s, u"o=loop,discard"_s});
                });
            });
    };
    const QString image = r.spec.image;
    m_podman.run({u"image"_s, u"exists"_s, image}, this,
                 [this, image, createVolume, done](const ProcessResult &exists) {
                     if (exists.ok()) {
                         createVolume();
                         return;
                     }
                     pull(image, [createVolume, done](const Result<void> &pulled) {
                         if (!pulled)
                             done(pulled.error());
                         else
                             createVolume();
                     });
                 });
}

void ContainerRuntime::start(const InstanceRecord &r, Done done)
{
    m_podman.run({u"start"_s, r.container}, this, [this, r, done](const ProcessResult &res) {
        if (res.ok()) {
            waitForSsh(r, kSshWaitAttempts, done);
            return;
        }
        const Error failed =
            podmanError(u"container_start_failed"_s, u"podman start failed"_s, res);
        // Gone with its kept image there: a recreate was cut off between rm and create (an
        // agent killed, a create that failed); the instance's files are in that image.
        m_podman.run({u"container"_s, u"exists"_s, r.container}, this,
                     [this, r, failed, done](const ProcessResult &exists) {
                         if (exists.ok()) {
                             done(failed);
                             return;
                         }
                         m_podman.run(
                             {u"image"_s, u"exists"_s, keptImage(r.container)}, this,
                             [this, r, failed, done](const ProcessResult &kept) {
                                 if (!kept.ok()) {
                                     done(failed);
                                     return;
                                 }
                                 createFromKept(r, [this, r, done](const Result<void> &made) {
                                     if (!made)
                                         done(made);
                                     else
                                         start(r, done); // it exists now: no second round
                                 });
                             });
                     });
    });
}

void ContainerRuntime::waitForSsh(const InstanceRecord &r, int attemptsLeft, Done done)
{
    // Ready means sshd answers with its banner on the published port, as a renter will see it.
    auto *socket = new QTcpSocket(this);
    auto finished = std::make_shared<bool>(false);
    auto conclude = [this, socket, finished, r, attemptsLeft, done](bool banner) {
        if (*finished)
            return;
        *finished = true;
        socket->abort();
        socket->deleteLater();
        if (banner) {
            done({});
            return;
        }
        // Not yet: has the container died (no sshd, bad config)?
        inspect(r.container, [this, r, attemptsLeft,
                              done](const Result<ContainerRuntimeInfo> &info) {
            if (info && info->state != "running"_L1) {
                if (info->exitCode == 64)
                    done(makeError(u"image_has_no_sshd"_s, u"the image has no /usr/sbin/sshd"_s));
                else
                    done(makeError(
                        u"container_exited"_s,
                        u"the container exited with status %1 before sshd was ready"_s.arg(
                            info->exitCode)));
                return;
            }
            if (attemptsLeft <= 1) {
                done(makeError(u"sshd_not_ready"_s,
                               u"sshd did not answer on port %1 within %2 s"_s.arg(r.port).arg(
                                   kSshWaitAttempts * kSshWaitStepMs / 1000)));
                return;
            }
            QTimer::singleShot(kSshWaitStepMs, this, [this, r, attemptsLeft, done] {
                waitForSsh(r, attemptsLeft - 1, done);
            });
        });
    };
    connect(socket, &QTcpSocket::readyRead, this, [socket, conclude] {
        if (socket->bytesAvailable() >= 4)
            conclude(socket->peek(4) == "SSH-");
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [conclude] { conclude(false); });
    QTimer::singleShot(1000, socket, [conclude] { conclude(false); });
    socket->connectToHost(m_bindAddress, quint16(r.port));
}

void ContainerRuntime::stop(const InstanceRecord &r, Done done)
{
    m_podman.run(
        {u"container"_s, u"exists"_s, r.container}, this,
        [this, r, done](const ProcessResult &exists) {
            if (!exists.ok()) {
                done(makeError(u"container_lost"_s,
                               u"the container %1 no longer exists"_s.arg(r.container)));
                return;
            }
            m_podman.run(
                {u"stop"_s, u"--time"_s, QString::number(m_limits.stopTimeoutS), r.container}, this,
                [done](const ProcessResult &res) {
                    if (!res.ok())
                        done(podmanError(u"container_stop_failed"_s, u"podman stop failed"_s, res));
                    else
                        done({});
                });
        });
}

void ContainerRuntime::destroy(const InstanceRecord &r, Done done)
{
    const QString name = r.container;
    const QString image = volumeImage(name);
    auto removeKept = [this, kept = keptImage(name), done] {
        // --ignore: an instance never made again has none. Without --no-prune, the untagged
        // images of earlier recreates (this one's parents) go with it.
        m_podman.run(
            {u"image"_s, u"rm"_s, u"--ignore"_s, kept}, this, [done](const ProcessResult &res) {
                if (!res.ok())
                    done(podmanError(u"image_remove_failed"_s, u"podman image rm failed"_s, res));
                else
                    done({});
            });
    };
    auto removeImage = [image, removeKept, done] {
        if (!image.isEmpty() && QFile::exists(image) && !QFile::remove(image)) {
            done(makeError(u"volume_remove_failed"_s,
                           u"cannot remove the volume image %1"_s.arg(image)));
            return;
        }
        removeKept();
    };
    auto removeVolume = [this, name, removeImage, done] {
        m_podman.run({u"volume"_s, u"exists"_s, name}, this,
                     [this, name, removeImage, done](const ProcessResult &e) {
                         if (!e.ok()) {
                             removeImage();
                             return;
                         }
                         m_podman.run({u"volume"_s, u"rm"_s, u"--force"_s, name}, this,
                                      [removeImage, done](const ProcessResult &res) {
                                          if (!res.ok())
                                              done(podmanError(u"volume_remove_failed"_s,
                                                               u"podman volume rm failed"_s, res));
                                          else
                                              removeImage();
                                      });
                     });
    };
    m_podman.run({u"container"_s, u"exists"_s, name}, this,
                 [this, name, removeVolume, done](const ProcessResult &e) {
                     if (!e.ok()) {
                         removeVolume();
                         return;
                     }
                     m_podman.run({u"rm"_s, u"--force"_s, u"--time"_s, u"0"_s, name}, this,
                                  [removeVolume, done](const ProcessResult &res) {
                                      if (!res.ok())
                                          done(podmanError(u"container_remove_failed"_s,
                                                           u"podman rm failed"_s, res));
                                      else
                                          removeVolume();
                                  });
                 });
}

void ContainerRuntime::list(std::function<void(const Result<QList<ContainerInfo>> &)> done)
{
    m_podman.run({u"ps"_s, u"--all"_s, u"--format"_s, u"json"_s, u"--filter"_s, labelFilter()},
                 this, [done](const ProcessResult &res) {
                     if (!res.ok()) {
                         done(podmanError(u"podman_failed"_s, u"podman ps failed"_s, res));
                         return;
                     }
                     QList<ContainerInfo> list;
                     const QJsonArray array = QJsonDocument::fromJson(res.out).array();
                     for (const QJsonValue &v : array) {
                         const QJsonObject o = v.toObject();
                         ContainerInfo c;
                         c.name = o.value(u"Names"_s).toArray().first().toString();
                         c.state = o.value(u"State"_s).toString();
                         c.instanceId = o.value(u"Labels"_s)
                                            .toObject()
                                            .value(u"suanli.instance"_s)
                                            .toString()
                                            .toLongLong();
                         list.append(c);
                     }
                     done(list);
                 });
}

void ContainerRuntime::listLabelled(
    const QSet<QString> &agentIds,
    std::function<void(const Result<QList<LabelledResource>> &)> done)
{
    const auto parse = [agentIds](const QByteArray &json, bool volumes) {
        QList<LabelledResource> found;
        for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
            const QJsonObject o = v.toObject();
            const QJsonObject labels = o.value(u"Labels"_s).toObject();
            LabelledResource r;
            r.agentId = labels.value(u"suanli.agent"_s).toString();
            if (!agentIds.contains(r.agentId))
                continue;
            r.volume = volumes;
            r.name = volumes ? o.value(u"Name"_s).toString()
                             : o.value(u"Names"_s).toArray().first().toString();
            r.instanceId = labels.value(u"suanli.instance"_s).toString().toLongLong();
            if (!volumes)
                r.state = o.value(u"State"_s).toString();
            found.append(r);
        }
        return found;
    };
    m_podman.run(
        {u"ps"_s, u"--all"_s, u"--format"_s, u"json"_s, u"--filter"_s, u"label=suanli.agent"_s},
        this, [this, parse, done](const ProcessResult &containers) {
            if (!containers.ok()) {
                done(podmanError(u"podman_failed"_s, u"podman ps failed"_s, containers));
                return;
            }
            m_podman.run(
                {u"volume"_s, u"ls"_s, u"--format"_s, u"json"_s, u"--filter"_s,
                 u"label=suanli.agent"_s},
                this,
                [parse, done, found = parse(containers.out, false)](const ProcessResult &volumes) {
                    if (!volumes.ok()) {
                        done(
                            podmanError(u"podman_failed"_s, u"podman volume ls failed"_s, volumes));
                        return;
                    }
                    done(found + parse(volumes.out, true));
                });
        });
}

QString ContainerRuntime::volumeImage(const QString &containerName) const
{
    if (m_limits.volumeImageDir.isEmpty())
        return {};
    return QDir(m_limits.volumeImageDir).filePath(containerName + u".ext4"_s);
}

void ContainerRuntime::makeVolumeImage(const QString &path, qint64 sizeGb, Done done)
{
    if (!QDir().mkpath(QFileInfo(path).path())) {
        done(makeError(u"volume_create_failed"_s, u"cannot create the folder of %1"_s.arg(path)));
        return;
    }
    {
        // Sparse: the host's disk is used as the renter writes, up to the quota.
        QFile::remove(path); // a leftover of a create interrupted before the volume existed
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
            !file.resize(sizeGb * 1024 * 1024 * 1024)) {
            done(makeError(u"volume_create_failed"_s,
                           u"cannot make the volume image %1: %2"_s.arg(path, file.errorString())));
            return;
        }
    }
    const QString mkfs = findTool(u"mkfs.ext4"_s);
    if (mkfs.isEmpty()) {
        QFile::remove(path);
        done(makeError(u"volume_create_failed"_s,
                       u"mkfs.ext4 not found (install e2fsprogs) for the disk quota"_s));
        return;
    }
    // No reserved blocks (the renter gets the whole quota); lazy init keeps mkfs of a large
    // image to a fraction of a second.
    runTool(this, mkfs,
            {u"-q"_s, u"-F"_s, u"-m"_s, u"0"_s, u"-L"_s, u"workspace"_s, u"-E"_s,
             u"lazy_itable_init=1,lazy_journal_init=1,nodiscard"_s, path},
            [path, done](int code, const QByteArray &out) {
                if (code == 0) {
                    done({});
                    return;
                }
                QFile::remove(path);
                done(makeError(
                    u"volume_create_failed"_s,
                    u"mkfs.ext4 %1 failed: %2"_s.arg(path, QString::fromUtf8(out.trimmed()))));
            });
}

void ContainerRuntime::publishedPorts(std::function<void(const Result<QSet<int>> &)> done)
{
    m_podman.run({u"ps"_s, u"--all"_s, u"--format"_s, u"json"_s}, this,
                 [done](const ProcessResult &res) {
                     if (!res.ok()) {
                         done(podmanError(u"podman_failed"_s, u"podman ps failed"_s, res));
                         return;
                     }
                     QSet<int> ports;
                     const QJsonArray array = QJsonDocument::fromJson(res.out).array();
                     for (const QJsonValue &c : array) {
                         for (const QJsonValue &p : c[u"Ports"_s].toArray()) {
                             const int first = p[u"host_port"_s].toInt();
                             const int range = std::max(1, p[u"range"_s].toInt());
                             for (int i = 0; first > 0 && i < range; ++i)
                                 ports.insert(first + i);
                         }
                     }
                     done(ports);
                 });
}

void ContainerRuntime::volumeUsage(const QString &containerName,
                                   std::function<void(const Result<qint64> &)> done)
{
    m_podman.run(
        {u"volume"_s, u"inspect"_s, u"--format"_s, u"json"_s, containerName}, this,
        [this, done](const ProcessResult &res) {
            if (!res.ok()) {
                done(podmanError(u"volume_lost"_s, u"podman volume inspect failed"_s, res));
                return;
            }
            const QString mountpoint =
                QJsonDocument::fromJson(res.out).array().first()[u"Mountpoint"_s].toString();
            // Allocated bytes (a sparse file counts what it holds), by du: a
            // walk of a large volume must not block the event loop.
            runTool(
                this, findTool(u"du"_s), {u"-s"_s, u"-x"_s, u"-B1"_s, mountpoint},
                [done](int code, const QByteArray &out) {
                    // The total is the last line, also when du could not read
                    // some folder (files of other users of the container).
                    bool ok = false;
                    const QByteArray last = out.trimmed().split('\n').last();
                    const qint64 bytes = last.split('\t').first().trimmed().toLongLong(&ok);
                    if (!ok || code < 0)
                        done(makeError(u"volume_usage_failed"_s,
                                       u"du failed: %1"_s.arg(QString::fromUtf8(out.trimmed()))));
                    else
                        done(bytes);
                });
        });
}

void ContainerRuntime::inspect(const QString &name,
                               std::function<void(const Result<ContainerRuntimeInfo> &)> done)
{
    m_podman.run({u"container"_s, u"inspect"_s, u"--format"_s, u"json"_s, name}, this,
                 [done](const ProcessResult &res) {
                     if (!res.ok()) {
                         done(podmanError(u"container_lost"_s, u"podman inspect failed"_s, res));
                         return;
                     }
                     const QJsonObject o =
                         QJsonDocument::fromJson(res.out).array().first().toObject();
                     const QJsonObject state = o.value(u"State"_s).toObject();
                     ContainerRuntimeInfo info;
                     info.state = state.value(u"Status"_s).toString();
                     info.exitCode = state.value(u"ExitCode"_s).toInt();
                     info.oomKilled = state.value(u"OOMKilled"_s).toBool();
                     info.cgroupPath = state.value(u"CgroupPath"_s).toString();
                     info.pid = state.value(u"Pid"_s).toInteger();
                     info.logPath = o.value(u"HostConfig"_s)
                                        .toObject()
                                        .value(u"LogConfig"_s)
                                        .toObject()
                                        .value(u"Path"_s)
                                        .toString();
                     done(info);
                 });
}

} // namespace suanli::host
