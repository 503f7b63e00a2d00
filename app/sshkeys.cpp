#include "sshkeys.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace suanli::app {

SshKeys::SshKeys(const QString &dataFolder, QObject *parent)
    : QObject(parent)
    , m_dataFolder(dataFolder)
{
}

QString SshKeys::keyPath(const QUrl &market) const
{
    const QByteArray id = QCryptographicHash::hash(
        market.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::StripTrailingSlash).toUtf8(),
        QCryptographicHash::Sha256).toHex().left(16);
    return QDir(m_dataFolder).filePath(u"keys/"_s + QString::fromLatin1(id) + u"/id_ed25519"_s);
}

void SshKeys::publicKey(const QUrl &market, QObject *context,
                        std::function<void(Result<QString>)> done)
{
    const QString path = keyPath(market);
    QPointer<QObject> guard(context);
    auto readPublic = [path]() -> Result<QString> {
        QFile file(path + u".pub"_s);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(u"ssh_key"_s, tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        return QString::fromUtf8(file.readAll()).trimmed();
    };
    if (QFile::exists(path) && QFile::exists(path + u".pub"_s)) {
        QTimer::singleShot(0, this, [guard, done, readPublic] {
            if (guard)
                done(readPublic());
        });
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile(QFileInfo(path).absolutePath())
        .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto *process = new QProcess(this);
    connect(process, &QProcess::finished, this,
            [process, guard, done, readPublic](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        if (!guard)
            return;
        if (status != QProcess::NormalExit || code != 0)
            return done(makeError(u"ssh_key"_s,
                                  tr("ssh-keygen failed: %1")
                                      .arg(QString::fromLocal8Bit(process->readAllStandardError()).trimmed())));
        done(readPublic());
    });
    connect(process, &QProcess::errorOccurred, this,
            [process, guard, done](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        if (guard)
            done(makeError(u"ssh_key"_s,
                           tr("Cannot run ssh-keygen (install OpenSSH): %1").arg(process->errorString())));
    });
    process->start(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s,
                                      u"suanli"_s, u"-f"_s, path});
}

} // namespace suanli::app
