#pragma once

#include "protocol/agentmessages.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkReply;
class QTcpSocket;

namespace suanli::host {

/// The agent's measurements (docs/host.md, "Measured speeds"): download and upload to the
/// market through its speed-test endpoints (`GET`/`POST /api/v1/speedtest`, host token), and
/// the disk's write speed (a file of `bytes` written, fsync'ed and deleted in `diskDir`). The
/// network tests run on this thread's event loop, the disk test on a pool thread; nothing
/// blocks. A test that fails is null in the result, never 0.
class SpeedTest : public QObject
{
    Q_OBJECT
public:
    SpeedTest(const QUrl &market, QByteArray hostToken, qint64 bytes, QString diskDir,
              QObject *parent = nullptr);
    ~SpeedTest() override;

    /// Runs the three tests one after the other; finished() follows. Ignored while running.
    void start();
    bool isRunning() const { return m_running; }

    /// Mbit/s (network) of `bytes` in `ns`, at least 1 for anything that moved.
    static qint64 megabitsPerSecond(qint64 bytes, qint64 ns);
    /// MB/s (10^6 bytes, disk) of `bytes` in `ns`, at least 1.
    static qint64 megabytesPerSecond(qint64 bytes, qint64 ns);
    /// Writes `bytes` to a new file in `dir`, fsync, deletes it: the time in ns, or an error.
    static Result<qint64> timeDiskWrite(const QString &dir, qint64 bytes);

signals:
    /// `errors`: why a test gave no value (one line each), for the agent's log.
    void finished(const suanli::protocol::MeasurementMessage &measurement,
                  const QStringList &errors);

private:
    void runDownload();
    void runUpload();
    void runDisk();
    QNetworkRequest request(const QString &query = {}) const;
    /// The reply's error as one line, or empty when it is a 2xx.
    static QString failure(QNetworkReply *reply);

    QUrl m_market;
    QByteArray m_token;
    qint64 m_bytes;
    QString m_diskDir;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    QPointer<QTcpSocket> m_upload; ///< the upload test's own connection
    QByteArray m_uploadAnswer;
    QElapsedTimer m_timer;
    bool m_running = false;
    protocol::MeasurementMessage m_result;
    QStringList m_errors;
};

} // namespace suanli::host
