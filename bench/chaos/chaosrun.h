#pragma once

#include "chaosagent.h"
#include "dropproxy.h"

#include "../market/httpconnection.h"

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>
#include <vector>

namespace suanli::bench {

/// The driving half of the chaos run (docs/benchmarks.md, "Chaos"): simulated agents behind a
/// dropping proxy, one renter launching, stopping, starting and destroying instances, network
/// cuts, all from one seed; then a quiet phase until the market and the agents agree, and the
/// agents' view written out for the database checks of bench/chaos/run.
class ChaosRun : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint64 seed = 1;
        int durationS = 60;
        int quiesceS = 90;
        int agents = 20;
        int maxInstances = 40;
        QList<quint16> marketPorts;
        QByteArray lenderToken;
        QByteArray renterToken;
        QString statesOut;
    };
    explicit ChaosRun(Options options, QObject *parent = nullptr);

    void start();

signals:
    void finished(int exitCode);

private:
    void registerNext();
    void beginChaos();
    void renterStep();
    void networkStep();
    void beginQuiet();
    void pollQuiet();
    void finish(bool agreed);
    HttpConnection *renter();
    void log(const QString &line) const;

    Options m_o;
    QRandomGenerator m_rng;
    DropProxy *m_proxy = nullptr;
    quint16 m_proxyPort = 0;
    std::vector<HttpConnection *> m_renters;
    HttpConnection *m_lender = nullptr;
    std::vector<ChaosAgent *> m_agents;
    std::vector<Machine> m_machines;
    QList<qint64> m_instanceIds;
    QTimer m_renterTimer;
    QTimer m_networkTimer;
    QTimer m_telemetryTimer;
    QTimer m_usageTimer;
    QTimer m_pollTimer;
    QElapsedTimer m_clock;
    int m_quietPolls = 0;
    bool m_quiet = false;
    // Counters printed at the end.
    QMap<QString, int> m_ops; ///< renter operations by kind and answer class
    int m_cuts = 0;
    QString m_lastDisagreement;
};

} // namespace suanli::bench
