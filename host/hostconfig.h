#pragma once

#include "firewall.h"
#include "protocol/money.h"
#include "protocol/result.h"
#include "protocol/types.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace suanli::host {

/// One lending window: the days it applies to (bit 0 = Monday … bit 6 = Sunday) and the
/// minutes of the day [start, end); end < start crosses midnight (the part after midnight
/// belongs to the same start day).
struct ScheduleWindow
{
    quint8 days = 0x7f;
    int startMinute = 0;
    int endMinute = 24 * 60;
    bool operator==(const ScheduleWindow &) const = default;
};

/// The host agent's configuration: an INI file in QSettings format (docs/host.md lists every
/// key). Read once at start; every value has a default so an empty file is a valid config.
struct HostConfig
{
    // [market] (defaults of the command line's --market, --token-file and register's --out)
    QString marketUrl; ///< the market's base URL; empty: --market is required
    QString tokenFile; ///< the host token file; relative paths are relative to the ini file

    // [host]
    QString address = QStringLiteral("127.0.0.1"); ///< where renters' SSH clients connect
    int portMin = 20000;
    int portMax = 20999;
    QString stateDir; ///< journal and containers.conf; default: the data folder
    QString region;
    int inetDownMbps = 0;
    int inetUpMbps = 0;
    QString podman = QStringLiteral("podman");
    QString runtime = QStringLiteral("auto"); ///< auto, crun or runc
    QString bindAddress; ///< address the ports are published on; default: address

    // [instances]
    qint64 diskQuotaGb = 50; ///< largest disk_gb an instance may ask for
    double cpus = 2.0;       ///< CPU limit per instance (cores)
    qint64 memoryMb = 4096;  ///< memory limit per instance, swap included
    int pidsLimit = 1024;
    int stopTimeoutS = 5;

    // [images] (a QSettings array: size, 1\ref, 1\title, 1\jupyter)
    QList<protocol::Image> images;

    // [prices] defaults used by `register`
    Micro priceGpuHourMicro = 1'000'000;
    Micro priceStorageGbMonthMicro = 300'000;
    bool interruptible = false;
    qint64 minDurationS = 0;
    /// Prepaid plan prices per GPU (docs/market.md, "Prepaid plans"); 0: not offered.
    Micro priceGpuDayMicro = 0;
    Micro priceGpuWeekMicro = 0;
    Micro priceGpuMonthMicro = 0;
    /// Per hour for an instance started without a GPU (docs/market.md, "Starting without a
    /// GPU"); 0: not offered.
    Micro priceNoGpuHourMicro = 0;

    // [schedule]
    QList<ScheduleWindow> windows; ///< empty: always lend

    // [network]
    /// How renters reach this host (docs/host.md): "direct" (the published ports on address),
    /// "relay" (reverse forwards on the market's relay; ports on 127.0.0.1 only) or "auto"
    /// (the market probes address and decides).
    QString networkMode = QStringLiteral("auto");
    /// Rootful agents only (docs/host.md "Isolation"): the IPv4 subnet of the Podman network
    /// `suanli` the instances are put on (made by the agent when missing).
    QString networkSubnet = QStringLiteral("10.89.77.0/24");
    /// Destinations in the blocked ranges instances may reach nonetheless.
    QList<AllowRule> allow;
    /// Refuse to list when instances cannot be isolated (rootless, or the rules failed).
    bool requireIsolation = false;

    // [agent]
    int telemetryIntervalMs = 1000;
    int usageIntervalS = 15;
    int marketGraceS = 3600;     ///< market unreachable this long: running instances stop
    int diskCheckIntervalS = 60; ///< rootless: how often volume usage is measured
    /// [speedtest] (docs/host.md, "Measured speeds"): bytes each way and written to disk per
    /// test (0: no tests), and hours between tests after the first one at start.
    qint64 speedTestBytes = 16LL * 1024 * 1024;
    int speedTestIntervalH = 24;
    int reconnectMinMs = 1000;
    int reconnectMaxMs = 60'000;
    /// [agent] ca_file: PEM certificates trusted for the market's TLS besides the system's
    /// (a market behind a private CA, docs/host.md); relative to the configuration's folder.
    QString caFile;

    // [registry]
    /// cert_dir: a folder holding the CA (`ca.crt`) of the market's registry, for `podman
    /// push|login|pull --cert-dir` (docs/host.md, "Saved images"); empty: Podman's own
    /// `/etc/containers/certs.d/HOST:PORT/` and the system's trust.
    QString registryCertDir;

    /// Reads `path`; a missing file is an error, unknown keys are ignored, a bad value names
    /// its key.
    static Result<HostConfig> load(const QString &path);
    /// The defaults, with stateDir resolved.
    static HostConfig defaults();

    /// One of [images], or a renter's saved image (`…/suanli-images/img-<id>:…`).
    bool isImageAllowed(const QString &ref) const;
    /// The agent's own ed25519 key for the relay: <stateDir>/relay_ed25519 (made on first run).
    QString relayKeyPath() const;
    /// True when `when` (local time) falls inside a window, or there are none.
    bool lendsAt(const QDateTime &when) const;
};

/// Parses "mon-fri 09:00-18:00", "daily 22:00-07:00", "sat 00:00-24:00".
Result<ScheduleWindow> parseScheduleWindow(const QString &text);

} // namespace suanli::host
