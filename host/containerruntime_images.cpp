#include "containerruntime.h"
#include "containerruntime_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QUrl>

using namespace Qt::StringLiterals;

// Saved images (docs/host.md, "Saved images"): an instance's system disk committed as an image
// its renter owns, optionally pushed to the market's registry.

namespace suanli::host {

using detail::podmanError;

void ContainerRuntime::saveImage(const InstanceRecord &r, const QString &ref,
                                 const std::optional<Registry> &registry,
                                 std::function<void(const Result<SavedImage> &)> done)
{
    const QString name = r.container;
    auto push = [this, ref, registry, done](qint64 size) {
        if (!registry) {
            done(SavedImage{size, false});
            return;
        }
        const QString auth = authFile(ref);
        QStringList tls;
        if (!registry->certDir.isEmpty())
            tls << u"--cert-dir"_s << registry->certDir;
        login(*registry, auth, [this, ref, tls, auth, size, done](const Result<void> &in) {
            if (!in) {
                QFile::remove(auth);
                done(in.error()); // registry_login_failed: a wrong login says so
                return;
            }
            m_podman.run(
                QStringList{u"push"_s, u"--quiet"_s, u"--authfile"_s, auth} + tls +
                    QStringList{ref},
                this, [auth, size, done](const ProcessResult &res) {
                    QFile::remove(auth);
                    if (!res.ok())
                        done(podmanError(u"image_push_failed"_s, u"podman push failed"_s, res));
                    else
                        done(SavedImage{size, true});
                });
        });
    };
    auto measure = [this, ref, push, done] {
        m_podman.run({u"image"_s, u"inspect"_s, u"--format"_s, u"{{.Size}}"_s, ref}, this,
                     [push, done](const ProcessResult &res) {
                         bool ok = false;
                         const qint64 size = res.out.trimmed().toLongLong(&ok);
                         if (!res.ok() || !ok || size <= 0) {
                             done(podmanError(u"image_commit_failed"_s,
                                              u"podman image inspect of the saved image failed"_s,
                                              res));
                             return;
                         }
                         push(size);
                     });
    };
    keep(name, ref, [measure, done](const Result<void> &made) {
        if (!made) {
            Error e = made.error();
            e.code = u"image_commit_failed"_s;
            done(e);
            return;
        }
        measure();
    });
}

QString ContainerRuntime::authFile(const QString &ref) const
{
    QDir().mkpath(m_limits.stageDir);
    return QDir(m_limits.stageDir)
        .filePath(u"registry-auth-%1-%2.json"_s.arg(QCoreApplication::applicationPid())
                      .arg(qHash(ref), 0, 16));
}

void ContainerRuntime::rememberRegistry(const Registry &registry)
{
    const QUrl url(registry.url);
    const QString server = url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
    Registry kept = registry;
    if (kept.certDir.isEmpty())
        kept.certDir = m_registries.value(server).certDir;
    m_registries.insert(server, kept);
}

void ContainerRuntime::login(const Registry &registry, const QString &authFile, Done then)
{
    // Credentials go to podman on stdin and into an auth file of the state folder that lives
    // as long as the push or pull, never onto a command line (docs/decisions.md).
    if (registry.username.isEmpty()) {
        then({});
        return;
    }
    const QUrl url(registry.url);
    const QString server = url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
    QStringList args{u"login"_s,      u"--authfile"_s,   authFile,
                     u"--username"_s, registry.username, u"--password-stdin"_s};
    if (!registry.certDir.isEmpty())
        args << u"--cert-dir"_s << registry.certDir;
    args << server;
    m_podman.run(
        args, this,
        [then](const ProcessResult &res) {
            if (!res.ok())
                then(podmanError(u"registry_login_failed"_s,
                                 u"podman login to the registry failed"_s, res));
            else
                then({});
        },
        registry.password.toUtf8());
}

void ContainerRuntime::pull(const QString &image, Done done)
{
    // A saved image in the market's registry: with the login the market sent.
    const QString server = image.section(u'/', 0, 0);
    const auto registry = m_registries.constFind(server);
    if (registry == m_registries.constEnd()) {
        m_podman.run({u"pull"_s, u"--quiet"_s, image}, this, [done](const ProcessResult &res) {
            if (!res.ok())
                done(podmanError(u"image_pull_failed"_s, u"podman pull failed"_s, res));
            else
                done({});
        });
        return;
    }
    const QString auth = authFile(image);
    QStringList tls;
    if (!registry->certDir.isEmpty())
        tls << u"--cert-dir"_s << registry->certDir;
    login(*registry, auth, [this, image, auth, tls, done](const Result<void> &in) {
        if (!in) {
            QFile::remove(auth);
            done(makeError(u"image_pull_failed"_s, in.error().message));
            return;
        }
        m_podman.run(
            QStringList{u"pull"_s, u"--quiet"_s, u"--authfile"_s, auth} + tls + QStringList{image},
            this, [auth, done](const ProcessResult &res) {
                QFile::remove(auth);
                if (!res.ok())
                    done(podmanError(u"image_pull_failed"_s, u"podman pull failed"_s, res));
                else
                    done({});
            });
    });
}

void ContainerRuntime::deleteImage(const QString &ref, Done done)
{
    // --ignore: a delete repeated, or of an image a failed save never made, is done too. Never
    // --force, which would remove the containers of instances made from it: while one exists
    // the name goes (untag) and Podman frees the layers with the last such container.
    m_podman.run({u"image"_s, u"rm"_s, u"--ignore"_s, ref}, this,
                 [this, ref, done](const ProcessResult &res) {
                     if (res.ok()) {
                         done({});
                         return;
                     }
                     m_podman.run({u"untag"_s, ref}, this,
                                  [done, first = res](const ProcessResult &untagged) {
                                      if (!untagged.ok())
                                          done(podmanError(u"image_remove_failed"_s,
                                                           u"podman image rm failed"_s, first));
                                      else
                                          done({});
                                  });
                 });
}

} // namespace suanli::host
