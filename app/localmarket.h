#pragma once

#include "protocol/result.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace suanli::app {

/// Local mode's market (docs/app.md): the real market library (`suanli_server`) on 127.0.0.1
/// with SQLite in the app's data folder, running in a worker thread that owns it, so that its
/// database work never blocks the UI. On first start it creates the local account (renter and
/// lender) and credits a starting voucher through the market's own ledger; each start issues
/// a fresh token through the server library. The app then talks to it over HTTP like any
/// other market.
class LocalMarket : public QObject
{
    Q_OBJECT
public:
    /// A first-run voucher of this many micro-units.
    static constexpr qint64 kStartingVoucherMicro = 100'000'000;

    LocalMarket(const QString &dataFolder, quint16 port = 0, QObject *parent = nullptr);
    ~LocalMarket() override;

    /// Starts the market in its thread; answers with started() or failed().
    void start();
    bool isRunning() const { return m_url.isValid(); }
    QUrl url() const { return m_url; }
    QString databasePath() const;

signals:
    void started(const QUrl &url, const QByteArray &token);
    void failed(const suanli::Error &error);

private:
    class Worker;
    QString m_dataFolder;
    quint16 m_port;
    QThread m_thread;
    Worker *m_worker = nullptr;
    QUrl m_url;
};

} // namespace suanli::app
