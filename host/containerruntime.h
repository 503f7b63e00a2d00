#pragma once

#include "journal.h"
#include "podman.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

namespace suanli::host {

/// Limits every instance gets (docs/host.md). `cpus` and `memoryMb` are one share: an instance
/// with n GPUs gets n shares, one without (a machine without GPUs, a start without a GPU) one
/// (docs/host.md, "Shares").
struct InstanceLimits
{
    double cpus = 2.0;
    qint64 memoryMb = 4096;
    int pidsLimit = 1024;
    int stopTimeoutS = 5;
    /// disk_gb of an instance that asks for none (the configured per-instance quota).
    qint64 defaultDiskGb = 50;
    /// Where the per-instance ext4 images of loop-mounted volumes live (root only: mounting a
    /// loop device needs it). Empty: plain volumes, the quota is watched, not enforced.
    QString volumeImageDir;
    /// The Podman network instances join (rootful: `suanli`, docs/host.md "Isolation");
    /// empty: Podman's default.
    QString network;
    /// Rootful: each instance in a user namespace of its own (--userns=auto), /workspace
    /// chowned to its mapped root (:U).
    bool userns = false;
    /// Where a recreate of a --userns=auto container stages its file system (the state folder).
    QString stageDir;
};

/// A container of this agent as `podman ps -a --format json` lists it.
struct ContainerInfo
{
    QString name;
    qint64 instanceId = 0;
    QString state; ///< podman's state: created, running, exited, …
    bool running() const { return state == QLatin1String("running"); }
};

/// A container or volume that carries the `suanli.agent` label of one of the given agents.
struct LabelledResource
{
    bool volume = false; ///< false: a container
    QString name;
    QString agentId;
    qint64 instanceId = 0;
    QString state; ///< podman's state of a container; empty for a volume
};

/// Where a running container's numbers live on the host (from `podman inspect`).
struct ContainerRuntimeInfo
{
    QString state;
    int exitCode = 0;
    bool oomKilled = false;
    QString cgroupPath; ///< relative to the cgroup root, e.g. /libpod_parent/libpod-<id>
    QString logPath;    ///< k8s-file log
    qint64 pid = 0;     ///< the container's first process, as the host sees it
};

/// The Podman side of an instance: volume, container, the files the agent hands in, start,
/// stop, destroy. Every step is a podman command run asynchronously; errors come back as an
/// Error whose code is the instance's state_reason ("image_has_no_sshd", "image_pull_failed", …).
class ContainerRuntime : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<void> &)>;

    ContainerRuntime(Podman &podman, QString agentId, QString bindAddress, InstanceLimits limits,
                     QObject *parent = nullptr);

    static QString containerName(const QString &agentId, qint64 instanceId);
    /// Where containers created from now on publish their sshd port (relay mode: 127.0.0.1).
    void setBindAddress(const QString &address) { m_bindAddress = address; }
    const QString &bindAddress() const { return m_bindAddress; }
    QString labelFilter() const;

    /// Pulls the image when missing, creates the volume and the container (not started), checks
    /// for sshd and hands in host key, authorised key, sshd config, Jupyter token and onstart.
    void create(const InstanceRecord &record, const QString &hostPrivateKey, Done done);
    /// Starts the container and waits until its sshd answers on the published port. A container
    /// that is gone while its kept image is there (a recreate interrupted between removing and
    /// creating) is created from that image with `record.gpus` first.
    void start(const InstanceRecord &record, Done done);
    void stop(const InstanceRecord &record, Done done);
    /// Removes the container, its volume and its kept image; done when all are gone (also when
    /// never made).
    void destroy(const InstanceRecord &record, Done done);

    /// The image a container is kept as while it is made again with other GPUs: named after
    /// the container, so that destroy finds it without a journal field.
    static QString keptImage(const QString &containerName);
    /// `oldKept`: a failure left the old container (with its old GPUs) in place.
    using Recreated = std::function<void(const Result<void> &, bool oldKept)>;
    /// Makes the stopped container again with `record.gpus` (a container's devices are fixed
    /// when it is created): keeps it as keptImage() (its writable layer: what the renter
    /// installed, the host key and the other files handed in at create), `podman rm`
    /// (never the volume), `podman create` from that image with nothing handed in. A container
    /// already gone is made from the kept image of an earlier, interrupted recreate; neither
    /// there: `container_lost`.
    void recreate(const InstanceRecord &record, Recreated done);

    /// Where saveImage() pushes, and how it logs in (the market's `--registry`).
    struct Registry
    {
        QString url; ///< https://host:port
        QString username;
        QString password;
        /// Folder with the registry's CA (`ca.crt`) for `podman push --cert-dir`; empty:
        /// Podman's own (`/etc/containers/certs.d/HOST:PORT/`) and the system's trust.
        QString certDir;
    };
    /// What saveImage() made.
    struct SavedImage
    {
        qint64 sizeBytes = 0; ///< `podman image inspect`'s Size
        bool pushed = false;  ///< in the registry (and removed from local storage)
    };
    /// The instance's system disk (its container's files, never the /workspace volume) as the
    /// image `ref` (docs/host.md, "Saved images"), running or stopped; with `registry`, pushed
    /// there. Errors: image_commit_failed, image_push_failed.
    void saveImage(const InstanceRecord &record, const QString &ref,
                   const std::optional<Registry> &registry,
                   std::function<void(const Result<SavedImage> &)> done);
    /// Removes a saved image from this host's Podman storage (done also when it is not there).
    void deleteImage(const QString &ref, Done done);
    /// The login for images of `registry.url`'s server, kept in memory only (never journaled):
    /// create() logs in before it pulls such an image (the market sends it with each create).
    void rememberRegistry(const Registry &registry);

    void list(std::function<void(const Result<QList<ContainerInfo>> &)> done);
    /// Containers, then volumes, labelled with any of `agentIds` (the other registrations of
    /// this state folder: docs/host.md "State folder and registrations").
    void listLabelled(const QSet<QString> &agentIds,
                      std::function<void(const Result<QList<LabelledResource>> &)> done);
    /// Host ports published by any container on this machine (not only this agent's).
    void publishedPorts(std::function<void(const Result<QSet<int>> &)> done);
    /// The ext4 image behind an instance's volume (empty without loop-mounted volumes).
    QString volumeImage(const QString &containerName) const;
    /// Bytes used in an instance's volume (for the watched quota of plain volumes).
    void volumeUsage(const QString &containerName,
                     std::function<void(const Result<qint64> &)> done);
    void inspect(const QString &name,
                 std::function<void(const Result<ContainerRuntimeInfo> &)> done);

    /// The script the container runs as PID 1 (exec's sshd in the end).
    static QByteArray bootstrapScript();
    /// sshd_config written into the instance; env goes to sessions with SetEnv.
    static Result<QByteArray> sshdConfig(const QMap<QString, QString> &env);

    /// A file, or a folder, the agent hands into a container.
    struct HandedIn
    {
        QString path; ///< from the container's root, e.g. "etc/suanli/sshd_config"
        QByteArray content;
        int mode = 0644;
        bool folder = false;
    };
    /// The archive `podman cp - CONTAINER:/` unpacks (stdin, so nothing on the host is ever
    /// mounted into the container), written by the one tar writer (protocol/tarstream.h): a
    /// name of any length arrives whole. Every member is root's, with `mtimeSeconds`.
    static QByteArray handInArchive(const QList<HandedIn> &members, qint64 mtimeSeconds);

private:
    void waitForSsh(const InstanceRecord &record, int attemptsLeft, Done done);
    QStringList createArgs(const InstanceRecord &record, const QString &image) const;
    /// `podman create` from keptImage() with the record's GPUs (the container must not exist).
    void createFromKept(const InstanceRecord &record, Done done);
    /// The container's files (not its /workspace volume) as the image `target`: `podman
    /// commit`, or for a --userns=auto container an id-shifted copy of its whole file system
    /// (keepByExport). keptImage() for a recreate, a saved image's ref for saveImage().
    void keep(const QString &name, const QString &target, Done done);
    void keepByExport(const QString &name, const QString &target, Done done);
    /// A sparse file of `sizeGb` formatted ext4, for `podman volume create -o type=ext4`.
    void makeVolumeImage(const QString &path, qint64 sizeGb, Done done);

    /// `podman pull`, logged in first for a registry of rememberRegistry().
    void pull(const QString &image, Done done);
    /// `podman login` to `registry` into `authFile` (password on stdin), then `then`.
    void login(const Registry &registry, const QString &authFile, Done then);
    /// The auth file of one push or pull (0600 in the state folder, removed after).
    QString authFile(const QString &ref) const;

    Podman &m_podman;
    QHash<QString, Registry> m_registries; ///< by server (host:port)
    QString m_agentId;
    QString m_bindAddress;
    InstanceLimits m_limits;
};

} // namespace suanli::host
