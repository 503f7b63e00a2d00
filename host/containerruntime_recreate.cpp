#include "containerruntime.h"
#include "containerruntime_p.h"
#include "toolprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// A stopped container made again with another set of GPUs (docs/host.md, "A changed GPU set").

namespace suanli::host {

using detail::findTool;
using detail::podmanError;

QString ContainerRuntime::keptImage(const QString &containerName)
{
    return u"localhost/suanli-kept/%1:latest"_s.arg(containerName);
}

void ContainerRuntime::createFromKept(const InstanceRecord &r, Done done)
{
    // Nothing is handed in: the kept image holds the files of the first create as the renter
    // left them (the host key's private half among them, which the agent never stores), and
    // onstart's marker, so onstart does not run again.
    m_podman.run(createArgs(r, keptImage(r.container)), this, [done](const ProcessResult &res) {
        if (!res.ok())
            done(podmanError(u"container_create_failed"_s, u"podman create failed"_s, res));
        else
            done({});
    });
}

void ContainerRuntime::recreate(const InstanceRecord &r, Recreated done)
{
    const QString name = r.container;
    const QString kept = keptImage(name);
    auto create = [this, r, done] {
        createFromKept(r, [done](const Result<void> &made) { done(made, false); });
    };
    auto removeOld = [this, name, create, done](const QString &previousKept) {
        // Only the container: the named volume (/workspace) is never removed with it.
        m_podman.run(
            {u"rm"_s, u"--force"_s, u"--time"_s, u"0"_s, name}, this,
            [this, create, done, previousKept](const ProcessResult &res) {
                if (!res.ok()) {
                    done(podmanError(u"container_remove_failed"_s, u"podman rm failed"_s, res),
                         true);
                    return;
                }
                if (previousKept.isEmpty()) {
                    create();
                    return;
                }
                // The untagged copy of an earlier recreate, used by nothing now; a committed one
                // is the new image's parent, and podman keeps it (the answer is not needed).
                m_podman.run({u"image"_s, u"rm"_s, u"--ignore"_s, previousKept}, this,
                             [create](const ProcessResult &) { create(); });
            });
    };
    m_podman.run(
        {u"container"_s, u"exists"_s, name}, this,
        [this, name, kept, create, removeOld, done](const ProcessResult &exists) {
            if (!exists.ok()) {
                m_podman.run({u"image"_s, u"exists"_s, kept}, this,
                             [name, create, done](const ProcessResult &image) {
                                 if (!image.ok()) {
                                     done(makeError(u"container_lost"_s,
                                                    u"the container %1 and its kept image are "
                                                    "gone"_s.arg(name)),
                                          false);
                                     return;
                                 }
                                 create();
                             });
                return;
            }
            m_podman.run({u"image"_s, u"inspect"_s, u"--format"_s, u"{{.Id}}"_s, kept}, this,
                         [this, name, removeOld, done](const ProcessResult &previous) {
                             const QString id = previous.ok()
                                                    ? QString::fromUtf8(previous.out.trimmed())
                                                    : QString();
                             keep(name, keptImage(name),
                                  [removeOld, done, id](const Result<void> &made) {
                                      if (!made)
                                          done(made.error(), true);
                                      else
                                          removeOld(id);
                                  });
                         });
        });
}

void ContainerRuntime::keep(const QString &name, const QString &target, Done done)
{
    if (m_limits.userns) {
        keepByExport(name, target, std::move(done));
        return;
    }
    // A second recreate commits to the same name: the image of the first one loses its tag but
    // stays as the new one's parent (the new layer is only what changed since), and goes with
    // it on destroy.
    m_podman.run({u"commit"_s, u"--quiet"_s, name, target}, this, [done](const ProcessResult &res) {
        if (!res.ok())
            done(podmanError(u"container_commit_failed"_s, u"podman commit failed"_s, res));
        else
            done({});
    });
}

namespace {

/// "0:2147549183:65536" → {host start, size} of a mapping that starts at container id 0.
std::optional<std::pair<qint64, qint64>> rootMapping(const QJsonValue &maps)
{
    const QStringList parts = maps.toArray().first().toString().split(u':');
    if (parts.size() != 3 || parts[0] != "0"_L1)
        return std::nullopt;
    bool okHost = false, okSize = false;
    const qint64 host = parts[1].toLongLong(&okHost);
    const qint64 size = parts[2].toLongLong(&okSize);
    if (!okHost || !okSize || size <= 0)
        return std::nullopt;
    return std::pair{host, size};
}

/// GNU tar's --owner-map / --group-map: each host id of the container's range back to the id
/// the container sees.
bool writeIdMap(const QString &path, qint64 hostStart, qint64 size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray lines;
    lines.reserve(size * 24);
    for (qint64 id = 0; id < size; ++id)
        lines += '+' + QByteArray::number(hostStart + id) + " +" + QByteArray::number(id) + '\n';
    return f.write(lines) == lines.size();
}

/// A Dockerfile ENV value in double quotes.
QString quotedEnv(const QString &entry)
{
    const qsizetype eq = entry.indexOf(u'=');
    QString value = entry.mid(eq + 1);
    value.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u"ENV %1=\"%2\""_s.arg(entry.left(eq), value);
}

} // namespace

void ContainerRuntime::keepByExport(const QString &name, const QString &target, Done done)
{
    // Podman 4.3 commits (and exports) a --userns=auto container's files with the host ids of
    // its range, which the next container, in a range of its own, cannot read. So the file
    // system is read from `podman mount` (host ids, the same for every layer) by GNU tar with
    // each id mapped back, and imported as one layer: a full copy, deletions included.
    const QDir stage(m_limits.stageDir);
    const QString tarball = stage.filePath(name + u".keep.tar"_s);
    const QString uidMap = stage.filePath(name + u".uidmap"_s);
    const QString gidMap = stage.filePath(name + u".gidmap"_s);
    const auto cleanUp = [tarball, uidMap, gidMap] {
        for (const QString &f : {tarball, uidMap, gidMap})
            QFile::remove(f);
    };
    const auto failed = [cleanUp, done](const Error &e) {
        cleanUp();
        done(e);
    };
    auto import = [this, target, tarball, cleanUp, failed, done](const QStringList &changes) {
        m_podman.run(QStringList{u"import"_s, u"--quiet"_s} + changes +
                         QStringList{tarball, target},
                     this, [cleanUp, failed, done](const ProcessResult &res) {
                         if (!res.ok()) {
                             failed(podmanError(u"container_commit_failed"_s,
                                                u"podman import failed"_s, res));
                             return;
                         }
                         cleanUp();
                         done({});
                     });
    };
    auto copy = [this, name, tarball, uidMap, gidMap, failed, import](const QString &mount,
                                                                      const QStringList &changes) {
        {
            // The renter's files and the host key's private half: for root's eyes only.
            QFile f(tarball);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                !f.setPermissions(QFile::ReadOwner | QFile::WriteOwner)) {
                m_podman.run({u"umount"_s, name}, this, [failed, tarball](const ProcessResult &) {
                    failed(
                        makeError(u"container_commit_failed"_s, u"cannot write %1"_s.arg(tarball)));
                });
                return;
            }
        }
        runTool(this, findTool(u"tar"_s),
                {u"--create"_s, u"--file"_s, tarball, u"--one-file-system"_s, u"--numeric-owner"_s,
                 u"--owner-map="_s + uidMap, u"--group-map="_s + gidMap, u"--directory"_s, mount,
                 u"."_s},
                [this, name, failed, import, changes](int code, const QByteArray &out) {
                    m_podman.run(
                        {u"umount"_s, name}, this,
                        [failed, import, changes, code, out](const ProcessResult &) {
                            if (code != 0) {
                                failed(makeError(u"container_commit_failed"_s,
                                                 u"tar of the container's files failed: %1"_s.arg(
                                                     QString::fromUtf8(out.trimmed().right(300)))));
                                return;
                            }
                            import(changes);
                        });
                });
    };
    m_podman.run(
        {u"container"_s, u"inspect"_s, u"--format"_s, u"json"_s, name}, this,
        [this, name, uidMap, gidMap, failed, copy](const ProcessResult &res) {
            if (!res.ok()) {
                failed(podmanError(u"container_commit_failed"_s, u"podman inspect failed"_s, res));
                return;
            }
            const QJsonObject o = QJsonDocument::fromJson(res.out).array().first().toObject();
            const QJsonObject ids = o[u"HostConfig"_s][u"IDMappings"_s].toObject();
            const auto uids = rootMapping(ids[u"UidMap"_s]);
            const auto gids = rootMapping(ids[u"GidMap"_s]);
            if (!uids || !gids || !QDir().mkpath(m_limits.stageDir) ||
                !writeIdMap(uidMap, uids->first, uids->second) ||
                !writeIdMap(gidMap, gids->first, gids->second)) {
                failed(makeError(u"container_commit_failed"_s,
                                 u"cannot map the ids of %1 back"_s.arg(name)));
                return;
            }
            // The image's environment (PATH, CUDA's variables) goes with the copy.
            m_podman.run({u"image"_s, u"inspect"_s, u"--format"_s, u"{{json .Config.Env}}"_s,
                          o[u"ImageName"_s].toString()},
                         this, [this, name, failed, copy](const ProcessResult &env) {
                             if (!env.ok()) {
                                 failed(podmanError(u"container_commit_failed"_s,
                                                    u"podman image inspect failed"_s, env));
                                 return;
                             }
                             QStringList changes;
                             for (const QJsonValue &e : QJsonDocument::fromJson(env.out).array()) {
                                 if (e.toString().contains(u'='))
                                     changes << u"--change"_s << quotedEnv(e.toString());
                             }
                             m_podman.run(
                                 {u"mount"_s, name}, this,
                                 [failed, copy, changes](const ProcessResult &mounted) {
                                     if (!mounted.ok()) {
                                         failed(podmanError(u"container_commit_failed"_s,
                                                            u"podman mount failed"_s, mounted));
                                         return;
                                     }
                                     copy(QString::fromUtf8(mounted.out.trimmed()), changes);
                                 });
                         });
        });
}

} // namespace suanli::host
