#include "hostengine.h"

#include "protocol/json.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace suanli::host {

// The agent's measurements (docs/host.md, "Measured speeds"): network both ways to the market
// and the disk's write speed, at the first welcome and every speedtest/interval_h, reported in
// a `measurement` message (docs/protocol.md).

void HostEngine::setUpSpeedTests()
{
    const HostConfig &c = m_options.config;
    if (c.speedTestBytes <= 0 || m_speedTest)
        return;
    // Where instances' disks are (rootful: the volumes' folder), else the state folder.
    const QString volumes = QDir(c.stateDir).filePath(u"volumes"_s);
    const QString diskDir = QDir(volumes).exists() ? volumes : c.stateDir;
    m_speedTest = std::make_unique<SpeedTest>(m_options.market, m_options.hostToken,
                                              c.speedTestBytes, diskDir);
    connect(m_speedTest.get(), &SpeedTest::finished, this, &HostEngine::onMeasured);
    m_speedTestTimer.setInterval(std::chrono::hours(c.speedTestIntervalH));
    connect(&m_speedTestTimer, &QTimer::timeout, this, &HostEngine::runSpeedTest);
}

void HostEngine::runSpeedTest()
{
    if (!m_speedTest || m_speedTest->isRunning())
        return;
    m_speedTested = true;
    m_speedTestTimer.start(); // the next one a full interval after this one
    emit message(u"measuring network and disk speed (%1 MiB each)"_s.arg(
        m_options.config.speedTestBytes / (1024 * 1024)));
    m_speedTest->start();
}

void HostEngine::onMeasured(const protocol::MeasurementMessage &m, const QStringList &errors)
{
    for (const QString &e : errors)
        emit message(u"speed test: %1"_s.arg(e));
    auto text = [](const std::optional<qint64> &v) {
        return v ? QString::number(*v) : u"not measured"_s;
    };
    emit message(u"measured: down %1 Mbit/s, up %2 Mbit/s, disk writes %3 MB/s"_s.arg(
        text(m.net_down_mbps), text(m.net_up_mbps), text(m.disk_write_mbps)));
    if (!m.net_down_mbps && !m.net_up_mbps && !m.disk_write_mbps)
        return; // nothing measured: the offer keeps saying so
    m_unsentMeasurement = m;
    sendMeasurement();
}

void HostEngine::sendMeasurement()
{
    if (!m_unsentMeasurement || !m_link || !m_link->isReady())
        return;
    if (m_link->send(protocol::toJson(protocol::AgentMessage{*m_unsentMeasurement})))
        m_unsentMeasurement.reset();
}

} // namespace suanli::host
