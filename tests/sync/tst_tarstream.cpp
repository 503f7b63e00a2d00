// The one tar writer (protocol/tarstream.*) as the sync streams it, read back by the real GNU tar:
// names short and long (the GNU long-name record), UTF-8 and odd bytes under the C locale, modes,
// mtimes (before 1970 too: base-256), empty files and sizes on block boundaries, a whole last
// record.
#include "protocol/tarstream.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace suanli::protocol;

namespace {

struct Member
{
    QByteArray name;
    QByteArray data;
    quint32 mode = 0644;
    qint64 mtime = 0;
};

QByteArray bytes(qsizetype size, char seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(seed + i * 31);
    return data;
}

} // namespace

class TestTarStream : public QObject
{
    Q_OBJECT

private slots:
    void gnuTarUnpacksWhatWeWrite()
    {
        const QByteArray longName = QByteArray("deep/") + QByteArray(150, 'n') + "/" +
                                    QByteArray(120, 'f') + ".bin";
        const QList<Member> members{
            {"a.txt", "hello\n", 0644, 1700000000},
            {"empty", {}, 0600, 1600000000},
            {"exactly/one-block.bin", bytes(512, 1), 0755, 1650000000},
            {"d/" + QByteArray(98, 'x'), bytes(513, 2), 0640, 1650000001}, // 100 bytes: fits
            {"d/" + QByteArray(99, 'y'), bytes(1000, 3), 0640, 1650000002}, // 101: long name
            {longName, bytes(10240, 4), 0644, 1650000003},
            {QByteArray("unicode/数据集 ölçü ✓.txt"), "unicode\n", 0644, 1650000004},
            {QByteArray("odd/back\\slash and\nnewline"), "odd\n", 0644, 1650000005},
            {"old/1969.txt", "before the epoch\n", 0644, -86400},
        };
        QByteArray stream;
        for (const Member &m : members)
            tarstream::appendFile(stream, m.name, m.data.constData(), m.data.size(), m.mode, m.mtime);
        QByteArray end;
        tarstream::appendEnd(end, stream.size());
        stream += end;
        QCOMPARE(stream.size() % tarstream::kRecord, 0);

        QTemporaryDir dir;
        QProcess tar;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        tar.setProcessEnvironment(env);
        tar.start(QStringLiteral("tar"), {QStringLiteral("-x"), QStringLiteral("-p"),
                                          QStringLiteral("--no-same-owner"), QStringLiteral("-f"),
                                          QStringLiteral("-"), QStringLiteral("-C"), dir.path()});
        QVERIFY(tar.waitForStarted());
        tar.write(stream);
        tar.closeWriteChannel();
        QVERIFY(tar.waitForFinished());
        QVERIFY2(tar.exitCode() == 0, tar.readAllStandardError().constData());
        QVERIFY2(tar.readAllStandardError().isEmpty(), "tar complained");

        for (const Member &m : members) {
            const QByteArray path = QFile::encodeName(dir.path()) + '/' + m.name;
            struct stat st{};
            QVERIFY2(::lstat(path.constData(), &st) == 0, m.name.constData());
            QVERIFY(S_ISREG(st.st_mode));
            QCOMPARE(quint32(st.st_mode & 07777), m.mode);
            QCOMPARE(qint64(st.st_mtime), m.mtime);
            QFile file(QFile::decodeName(path));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(file.readAll() == m.data, m.name.constData());
        }
    }

    /// Folder members: made with their mode (set after what they hold is unpacked), empty ones
    /// too, long names included. (Their times are the sync's to set after the files: it does,
    /// for every folder, once everything is in place.)
    void foldersAreMade()
    {
        const QByteArray deep = "a/" + QByteArray(120, 'd');
        QByteArray stream;
        tarstream::appendDirectory(stream, "a", 0750, 1600000000);
        tarstream::appendDirectory(stream, deep, 0700, 1600000001);
        tarstream::appendDirectory(stream, "empty", 0755, 1600000002);
        tarstream::appendFile(stream, deep + "/f.txt", "x", 1, 0644, 1600000003);
        QByteArray end;
        tarstream::appendEnd(end, stream.size());
        stream += end;
        QTemporaryDir dir;
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("-x"), QStringLiteral("-p"), QStringLiteral("--no-same-owner"),
                                          QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("-C"), dir.path()});
        QVERIFY(tar.waitForStarted());
        tar.write(stream);
        tar.closeWriteChannel();
        QVERIFY(tar.waitForFinished());
        QVERIFY2(tar.exitCode() == 0, tar.readAllStandardError().constData());
        const QList<std::pair<QByteArray, quint32>> folders{{"a", 0750}, {deep, 0700}, {"empty", 0755}};
        for (const auto &[name, mode] : folders) {
            struct stat st{};
            const QByteArray path = QFile::encodeName(dir.path()) + '/' + name;
            QVERIFY2(::lstat(path.constData(), &st) == 0, name.constData());
            QVERIFY(S_ISDIR(st.st_mode));
            QCOMPARE(quint32(st.st_mode & 07777), mode);
        }
        QVERIFY(QFile::exists(dir.path() + u'/' + QString::fromUtf8(deep) + QStringLiteral("/f.txt")));
    }

    /// The end of the archive always completes the record, wherever the stream stood.
    void endCompletesTheRecord()
    {
        for (const qint64 streamed : {qint64(0), qint64(512), qint64(9 * 1024), qint64(10240), qint64(10752)}) {
            QByteArray end;
            tarstream::appendEnd(end, streamed);
            QVERIFY(end.size() >= 2 * tarstream::kBlock);
            QCOMPARE((streamed + end.size()) % tarstream::kRecord, 0);
            QVERIFY(end == QByteArray(end.size(), '\0'));
        }
    }
};

QTEST_GUILESS_MAIN(TestTarStream)
#include "tst_tarstream.moc"
