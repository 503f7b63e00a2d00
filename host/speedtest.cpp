#include "speedtest.h"

#include <QDir>
#include <QFutureWatcher>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTemporaryFile>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {
// A stalled test must not hold the next one (or the agent's shutdown) for long: a 16 MiB test
// over a 1 Mbit/s line takes about 2 min.
constexpr int kTransferTimeoutMs = 300'000;
constexpr qint64 kChunkBytes = 1024 * 1024;

/// Random bytes: a compressing link or file system cannot make them look faster.
QByteArray randomBytes(qint64 n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    QRandomGenerator generator(QRandomGenerator::global()->generate());
    const qsizetype words = bytes.size() / qsizetype(sizeof(quint32));
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), words);
    for (qsizetype i = words * qsizetype(sizeof(quint32)); i < bytes.size(); ++i)
        bytes[i] = char(generator.generate());
    return bytes;
}
} // namespace

SpeedTest::SpeedTest(const QUrl &market, QByteArray hostToken, qint64 bytes, QString diskDir,
                     QObject *parent)
    : QObject(parent)
    , m_market(market)
    , m_token(std::move(hostToken))
    , m_bytes(bytes)
    , m_diskDir(std::move(diskDir))
{
    m_network.setTransferTimeout(kTransferTimeoutMs);
}

SpeedTest::~SpeedTest()
{
    if (m_reply)
        m_reply->abort();
    if (m_upload)
        m_upload->abort();
}

qint64 SpeedTest::megabitsPerSecond(qint64 bytes, qint64 ns)
{
    const double mbps = double(bytes) * 8.0 * 1000.0 / double(std::max<qint64>(ns, 1));
    return std::max<qint64>(1, qint64(std::llround(mbps)));
}

qint64 SpeedTest::megabytesPerSecond(qint64 bytes, qint64 ns)
{
    const double mbs = double(bytes) * 1000.0 / double(std::max<qint64>(ns, 1));
    return std::max<qint64>(1, qint64(std::llround(mbs)));
}

Result<qint64> SpeedTest::timeDiskWrite(const QString &dir, qint64 bytes)
{
    if (!QDir().mkpath(dir))
        return makeError(u"disk_test_failed"_s, u"cannot create %1"_s.arg(dir));
    QTemporaryFile file(QDir(dir).filePath(u".suanli-disk-test-XXXXXX"_s));
    if (!file.open())
        return makeError(u"disk_test_failed"_s,
                         u"cannot create a file in %1: %2"_s.arg(dir, file.errorString()));
    const QByteArray chunk = randomBytes(kChunkBytes);
    QElapsedTimer timer;
    timer.start();
    for (qint64 left = bytes; left > 0;) {
        const qint64 n = std::min(left, kChunkBytes);
        if (file.write(chunk.constData(), n) != n)
            return makeError(u"disk_test_failed"_s,
                             u"writing to %1: %2"_s.arg(dir, file.errorString()));
        left -= n;
    }
    if (!file.flush())
        return makeError(u"disk_test_failed"_s,
                         u"writing to %1: %2"_s.arg(dir, file.errorString()));
        // Until fsync returns the bytes may be only in the page cache: that is memory's speed.
#ifdef Q_OS_WIN
    const int synced = _commit(file.handle());
#else
    const int synced = ::fsync(file.handle());
#endif
    if (synced != 0)
        return makeError(u"disk_test_failed"_s, u"fsync in %1 failed"_s.arg(dir));
    const qint64 ns = timer.nsecsElapsed();
    file.close(); // QTemporaryFile removes it
    return ns;
}

QNetworkRequest SpeedTest::request(const QString &query) const
{
    QUrl url = m_market;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + u"/api/v1/speedtest"_s);
    url.setQuery(query);
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + m_token);
    // Measured as it comes over the wire: nothing decoded on the way.
    r.setRawHeader("Accept-Encoding", "identity");
    return r;
}

QString SpeedTest::failure(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status / 100 == 2)
        return {};
    if (status)
        return u"HTTP %1 %2"_s.arg(status).arg(QString::fromUtf8(reply->readAll().left(300)));
    return reply->errorString();
}

void SpeedTest::start()
{
    if (m_running)
        return;
    m_running = true;
    m_result = {};
    m_errors.clear();
    runDownload();
}

void SpeedTest::runDownload()
{
    m_timer.start();
    m_reply = m_network.get(request(u"bytes=%1"_s.arg(m_bytes)));
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] {
        reply->deleteLater();
        const qint64 ns = m_timer.nsecsElapsed();
        const QString why = failure(reply);
        const qint64 got = reply->readAll().size();
        if (!why.isEmpty())
            m_errors << u"download test: %1"_s.arg(why);
        else if (got != m_bytes)
            m_errors << u"download test: %1 of %2 bytes came"_s.arg(got).arg(m_bytes);
        else
            m_result.net_down_mbps = megabitsPerSecond(got, ns);
        runUpload();
    });
}

void SpeedTest::runUpload()
{
    // Written on a socket of its own, not through QNetworkAccessManager: its HTTP/1.1 upload
    // moved a body at about 1.5 MB/s even on loopback (Qt 6.4, measured with curl beside it:
    // 16 MiB in 0.1 s), which would have measured QNAM, not the link.
    const QNetworkRequest r = request();
    const QUrl url = r.url();
    const bool tls = url.scheme() == "https"_L1;
    auto *socket = tls ? new QSslSocket(this) : new QTcpSocket(this);
    m_upload = socket;
    m_uploadAnswer.clear();
    auto *timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    timeout->start(kTransferTimeoutMs);
    auto done = [this, socket](const QString &why) {
        if (m_upload != socket)
            return; // already finished
        const qint64 ns = m_timer.nsecsElapsed();
        m_upload = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        if (!why.isEmpty())
            m_errors << u"upload test: %1"_s.arg(why);
        else
            m_result.net_up_mbps = megabitsPerSecond(m_bytes, ns);
        runDisk();
    };
    connect(timeout, &QTimer::timeout, this, [done] { done(u"timed out"_s); });
    connect(socket, &QAbstractSocket::errorOccurred, this,
            [done, socket] { done(socket->errorString()); });
    const quint16 port = quint16(url.port(tls ? 443 : 80));
    const QByteArray head = "POST " + url.path(QUrl::FullyEncoded).toLatin1() +
                            " HTTP/1.1\r\nHost: " + url.host(QUrl::FullyEncoded).toLatin1() + ':' +
                            QByteArray::number(port) + "\r\nAuthorization: Bearer " + m_token +
                            "\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                            QByteArray::number(m_bytes) + "\r\nConnection: close\r\n\r\n";
    auto send = [socket, head, body = randomBytes(m_bytes)] {
        socket->write(head);
        socket->write(body);
    };
    connect(socket, &QIODevice::readyRead, this, [this, socket, done] {
        m_uploadAnswer += socket->readAll();
        const qsizetype end = m_uploadAnswer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        // "HTTP/1.1 200 OK": the market read the whole body before it answered.
        const QList<QByteArray> status =
            m_uploadAnswer.left(m_uploadAnswer.indexOf("\r\n")).split(' ');
        const int code = status.value(1).toInt();
        if (code / 100 == 2) {
            done({});
            return;
        }
        // An error: its JSON body says why; wait for it (Content-Length), or the close.
        qsizetype length = -1;
        for (const QByteArray &line : m_uploadAnswer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (length >= 0 && m_uploadAnswer.size() - end - 4 < length)
            return;
        done(u"HTTP %1 %2"_s.arg(code).arg(
            QString::fromUtf8(m_uploadAnswer.mid(end + 4).left(300))));
    });
    m_timer.start();
    if (tls) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        connect(ssl, &QSslSocket::encrypted, this, send);
        ssl->connectToHostEncrypted(url.host(), port);
    } else {
        connect(socket, &QAbstractSocket::connected, this, send);
        socket->connectToHost(url.host(), port);
    }
}

void SpeedTest::runDisk()
{
    auto *watcher = new QFutureWatcher<Result<qint64>>(this);
    connect(watcher, &QFutureWatcher<Result<qint64>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<qint64> ns = watcher->result();
        if (ns)
            m_result.disk_write_mbps = megabytesPerSecond(m_bytes, *ns);
        else
            m_errors << u"disk test: %1"_s.arg(ns.error().message);
        m_running = false;
        emit finished(m_result, m_errors);
    });
    watcher->setFuture(QtConcurrent::run(&SpeedTest::timeDiskWrite, m_diskDir, m_bytes));
}

} // namespace suanli::host
