#pragma once

#include "sshdfixture.h"
#include "sync/syncjob.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace suanli::sync::test {

inline void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

inline QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

/// `count` files of `size` random bytes spread over `folders` folders: root/d<i % folders>/f<i>.bin.
inline void writeSmallFiles(const QString &root, int count, int folders, qint64 size, quint32 seed)
{
    for (int i = 0; i < count; ++i)
        writeFile(QStringLiteral("%1/d%2/f%3.bin").arg(root).arg(i % folders).arg(i), randomBytes(size, seed + quint32(i)));
}

/// path → "type size mode mtime-seconds sha256" for every entry below root (links: target).
inline QMap<QString, QString> describeTree(const QString &root)
{
    QMap<QString, QString> tree;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(root).relativeFilePath(path);
        struct stat st{};
        ::lstat(QFile::encodeName(path).constData(), &st);
        const QFileInfo info(path);
        if (info.isSymLink()) {
            QByteArray target(4096, '\0');
            const auto n = ::readlink(QFile::encodeName(path).constData(), target.data(), 4096);
            tree.insert(relative, QStringLiteral("link ") + QString::fromUtf8(target.left(n)));
        } else if (info.isDir()) {
            tree.insert(relative, QStringLiteral("dir %1").arg(st.st_mode & 07777, 0, 8));
        } else {
            QFile file(path);
            file.open(QIODevice::ReadOnly);
            QCryptographicHash hash(QCryptographicHash::Sha256);
            hash.addData(&file);
            tree.insert(relative, QStringLiteral("file %1 %2 %3 %4")
                                      .arg(st.st_size)
                                      .arg(st.st_mode & 07777, 0, 8)
                                      .arg(st.st_mtim.tv_sec)
                                      .arg(QString::fromLatin1(hash.result().toHex())));
        }
    }
    return tree;
}

struct Sshd
{
    ssh::test::SshdFixture fixture;
    bool start()
    {
        QString error;
        if (!fixture.start(&error)) {
            qWarning("sshd: %s", qPrintable(error));
            return false;
        }
        return true;
    }
    SyncOptions options(Direction direction, const QString &local, const QString &remote,
                        const QString &journal, quint16 port = 0) const
    {
        SyncOptions options;
        options.direction = direction;
        options.localRoot = local;
        options.remoteRoot = remote.toUtf8();
        options.endpoint = {QStringLiteral("127.0.0.1"), port ? port : fixture.port(),
                            fixture.user(), fixture.hostKeyLine()};
        options.identity = {fixture.clientKeyPath(), {}};
        options.journalPath = journal;
        // A silent link is an error after this long. CI runs Podman and sync tests beside
        // this one on two cores; a 10 s limit was once reached there by a healthy sshd
        // (the app waits 30 s: SyncOptions::ioTimeout).
        options.ioTimeout = std::chrono::seconds(60);
        return options;
    }
};

/// Runs a job to its end, spinning the event loop (signals arrive as they would in the app).
inline SyncReport runJob(SyncJob &job, int timeoutMs = 480000)
{
    QSignalSpy finished(&job, &SyncJob::finished);
    job.start();
    if (!finished.wait(timeoutMs))
        qWarning("sync did not finish in time");
    if (!job.report().ok)
        qInfo("sync stopped: %s: %s", qPrintable(job.report().error.code),
              qPrintable(job.report().error.message));
    return job.report();
}

inline bool hasIssue(const SyncReport &report, const QString &code)
{
    for (const Issue &issue : report.issues) {
        if (issue.error.code == code)
            return true;
    }
    return false;
}

} // namespace suanli::sync::test
