#include "hostconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {

const QStringList kDays = {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s};

std::optional<int> parseMinute(const QString &text)
{
    static const QRegularExpression re(u"^(\\d{1,2}):(\\d{2})$"_s);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int h = m.captured(1).toInt();
    const int min = m.captured(2).toInt();
    if (min > 59 || h > 24 || (h == 24 && min != 0))
        return std::nullopt;
    return h * 60 + min;
}

Error badValue(const QString &key, const QString &why)
{
    return makeError(u"invalid_config"_s, u"%1: %2"_s.arg(key, why), key);
}

/// Integer setting within [min, max]; absent keys keep `value`.
Result<void> readInt(const QSettings &s, const QString &key, qint64 min, qint64 max, auto &value)
{
    if (!s.contains(key))
        return {};
    bool ok = false;
    const qint64 v = s.value(key).toString().trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return badValue(key,
                        u"expected a whole number from %1 to %2, got '%3'"_s.arg(min).arg(max).arg(
                            s.value(key).toString()));
    value = static_cast<std::remove_reference_t<decltype(value)>>(v);
    return {};
}

Result<void> readBool(const QSettings &s, const QString &key, bool &value)
{
    if (!s.contains(key))
        return {};
    const QString v = s.value(key).toString().trimmed().toLower();
    if (v == "true"_L1 || v == "yes"_L1 || v == "1"_L1)
        value = true;
    else if (v == "false"_L1 || v == "no"_L1 || v == "0"_L1)
        value = false;
    else
        return badValue(key, u"expected true or false, got '%1'"_s.arg(v));
    return {};
}

} // namespace

Result<ScheduleWindow> parseScheduleWindow(const QString &text)
{
    const QStringList parts = text.simplified().toLower().split(u' ');
    if (parts.size() != 2)
        return makeError(u"invalid_config"_s,
                         u"schedule window '%1': expected 'DAYS HH:MM-HH:MM'"_s.arg(text));
    ScheduleWindow w;
    const QString &days = parts[0];
    if (days == "daily"_L1) {
        w.days = 0x7f;
    } else {
        const QStringList range = days.split(u'-');
        const qsizetype first = kDays.indexOf(range.value(0));
        const qsizetype last = range.size() == 2 ? kDays.indexOf(range[1]) : first;
        if (range.size() > 2 || first < 0 || last < 0)
            return makeError(
                u"invalid_config"_s,
                u"schedule window '%1': days are daily, mon…sun or a range like mon-fri"_s.arg(
                    text));
        w.days = 0;
        for (qsizetype d = first;; d = (d + 1) % 7) {
            w.days |= quint8(1u << d);
            if (d == last)
                break;
        }
    }
    const QStringList times = parts[1].split(u'-');
    const auto start = parseMinute(times.value(0));
    const auto end = parseMinute(times.value(1));
    if (times.size() != 2 || !start || !end || *start == *end || *start == 24 * 60)
        return makeError(u"invalid_config"_s,
                         u"schedule window '%1': times are HH:MM-HH:MM (24 h clock)"_s.arg(text));
    w.startMinute = *start;
    w.endMinute = *end;
    return w;
}

HostConfig HostConfig::defaults()
{
    HostConfig c;
    c.stateDir = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                     .filePath(u"suanli-host"_s);
    c.images.append({u"localhost/suanli/base:bookworm"_s, u"Debian bookworm (Jupyter)"_s, true});
    return c;
}

Result<HostConfig> HostConfig::load(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return makeError(u"config_not_found"_s, u"no configuration file at %1"_s.arg(path));
    QSettings s(path, QSettings::IniFormat);
    if (s.status() != QSettings::NoError)
        return makeError(u"invalid_config"_s, u"%1 is not a readable INI file"_s.arg(path));
    HostConfig c = defaults();
    const auto text = [&s](const QString &key, QString &value) {
        if (s.contains(key))
            value = s.value(key).toString().trimmed();
    };
    text(u"market/url"_s, c.marketUrl);
    if (s.contains(u"market/token_file"_s))
        c.tokenFile = QDir(QFileInfo(path).absolutePath())
                          .absoluteFilePath(s.value(u"market/token_file"_s).toString().trimmed());
    text(u"host/address"_s, c.address);
    text(u"host/bind_address"_s, c.bindAddress);
    text(u"host/region"_s, c.region);
    text(u"host/podman"_s, c.podman);
    text(u"host/runtime"_s, c.runtime);
    text(u"network/mode"_s, c.networkMode);
    c.networkMode = c.networkMode.toLower();
    if (s.contains(u"host/state_dir"_s))
        c.stateDir = QDir(QFileInfo(path).absolutePath())
                         .absoluteFilePath(s.value(u"host/state_dir"_s).toString().trimmed());
    if (s.contains(u"registry/cert_dir"_s))
        c.registryCertDir =
            QDir(QFileInfo(path).absolutePath())
                .absoluteFilePath(s.value(u"registry/cert_dir"_s).toString().trimmed());
    if (s.contains(u"agent/ca_file"_s))
        c.caFile = QDir(QFileInfo(path).absolutePath())
                       .absoluteFilePath(s.value(u"agent/ca_file"_s).toString().trimmed());
    for (auto r :
         {readInt(s, u"host/port_min"_s, 1, 65535, c.portMin),
          readInt(s, u"host/port_max"_s, 1, 65535, c.portMax),
          readInt(s, u"host/inet_down_mbps"_s, 0, 1'000'000, c.inetDownMbps),
          readInt(s, u"host/inet_up_mbps"_s, 0, 1'000'000, c.inetUpMbps),
          readInt(s, u"instances/disk_quota_gb"_s, 1, 100'000, c.diskQuotaGb),
          readInt(s, u"instances/memory_mb"_s, 64, 16'777'216, c.memoryMb),
          readInt(s, u"instances/pids_limit"_s, 16, 4'194'304, c.pidsLimit),
          readInt(s, u"instances/stop_timeout_s"_s, 0, 600, c.stopTimeoutS),
          readInt(s, u"prices/gpu_hour_micro"_s, 0, kMicroPerUnit * 1'000'000, c.priceGpuHourMicro),
          readInt(s, u"prices/storage_gb_month_micro"_s, 0, kMicroPerUnit * 1'000'000,
                  c.priceStorageGbMonthMicro),
          readInt(s, u"prices/min_duration_s"_s, 0, 365 * 86400, c.minDurationS),
          readInt(s, u"prices/gpu_day_micro"_s, 0, kMicroPerUnit * 1'000'000, c.priceGpuDayMicro),
          readInt(s, u"prices/gpu_week_micro"_s, 0, kMicroPerUnit * 1'000'000, c.priceGpuWeekMicro),
          readInt(s, u"prices/gpu_month_micro"_s, 0, kMicroPerUnit * 1'000'000,
                  c.priceGpuMonthMicro),
          readInt(s, u"prices/nogpu_hour_micro"_s, 0, kMicroPerUnit * 1'000'000,
                  c.priceNoGpuHourMicro),
          readInt(s, u"agent/telemetry_interval_ms"_s, 100, 60'000, c.telemetryIntervalMs),
          readInt(s, u"agent/usage_interval_s"_s, 1, 60, c.usageIntervalS),
          readInt(s, u"agent/market_grace_s"_s, 0, 7 * 86400, c.marketGraceS),
          readInt(s, u"agent/disk_check_interval_s"_s, 1, 3600, c.diskCheckIntervalS),
          // The market takes at most 64 MiB a test (server/openapi.yaml).
          readInt(s, u"speedtest/bytes"_s, 0, 64LL * 1024 * 1024, c.speedTestBytes),
          readInt(s, u"speedtest/interval_h"_s, 1, 24 * 30, c.speedTestIntervalH),
          readInt(s, u"agent/reconnect_min_ms"_s, 10, 600'000, c.reconnectMinMs),
          readInt(s, u"agent/reconnect_max_ms"_s, 10, 3'600'000, c.reconnectMaxMs),
          readBool(s, u"prices/interruptible"_s, c.interruptible),
          readBool(s, u"network/require_isolation"_s, c.requireIsolation)}) {
        if (!r)
            return r.error();
    }
    if (c.portMin > c.portMax)
        return badValue(u"host/port_min"_s, u"port_min is above port_max"_s);
    if (c.reconnectMinMs > c.reconnectMaxMs)
        return badValue(u"agent/reconnect_min_ms"_s,
                        u"reconnect_min_ms is above reconnect_max_ms"_s);
    if (QHostAddress(c.address).isNull() && c.address.isEmpty())
        return badValue(u"host/address"_s, u"an address is required"_s);
    if (!c.bindAddress.isEmpty() && QHostAddress(c.bindAddress).isNull())
        return badValue(u"host/bind_address"_s,
                        u"'%1' is not a numeric address"_s.arg(c.bindAddress));
    if (c.runtime != "auto"_L1 && c.runtime != "crun"_L1 && c.runtime != "runc"_L1)
        return badValue(u"host/runtime"_s, u"expected auto, crun or runc"_s);
    if (c.networkMode != "direct"_L1 && c.networkMode != "relay"_L1 && c.networkMode != "auto"_L1)
        return badValue(u"network/mode"_s,
                        u"expected direct, relay or auto, got '%1'"_s.arg(c.networkMode));
    text(u"network/subnet"_s, c.networkSubnet);
    {
        const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(c.networkSubnet);
        if (subnet.first.protocol() != QAbstractSocket::IPv4Protocol || subnet.second < 8 ||
            subnet.second > 29)
            return badValue(
                u"network/subnet"_s,
                u"expected an IPv4 CIDR from /8 to /29, got '%1'"_s.arg(c.networkSubnet));
    }
    if (s.contains(u"network/allow"_s)) {
        // QSettings splits an unquoted value at commas into a list; a quoted one stays whole.
        const QVariant v = s.value(u"network/allow"_s);
        QStringList entries;
        for (const QString &e : v.toStringList())
            entries += e.split(u',', Qt::SkipEmptyParts);
        for (const QString &e : entries) {
            if (e.trimmed().isEmpty())
                continue;
            auto rule = parseAllowRule(e);
            if (!rule)
                return badValue(u"network/allow"_s, rule.error().message);
            c.allow.append(*rule);
        }
    }
    if (s.contains(u"instances/cpus"_s)) {
        bool ok = false;
        c.cpus = s.value(u"instances/cpus"_s).toString().toDouble(&ok);
        if (!ok || c.cpus < 0.1 || c.cpus > 1024)
            return badValue(u"instances/cpus"_s, u"expected a number of cores from 0.1 to 1024"_s);
    }

    const int images = s.beginReadArray(u"images"_s);
    if (images > 0) {
        c.images.clear();
        for (int i = 0; i < images; ++i) {
            s.setArrayIndex(i);
            protocol::Image image;
            image.ref = s.value(u"ref"_s).toString().trimmed();
            image.title = s.value(u"title"_s, image.ref).toString();
            image.has_jupyter = s.value(u"jupyter"_s).toString() == "true"_L1;
            if (image.ref.isEmpty() || image.ref.contains(u' ')) {
                s.endArray();
                return badValue(u"images/%1/ref"_s.arg(i + 1), u"an image reference is required"_s);
            }
            c.images.append(image);
        }
    }
    s.endArray();

    QStringList windows = s.value(u"schedule/windows"_s).toStringList();
    for (const QString &text : std::as_const(windows)) {
        if (text.trimmed().isEmpty())
            continue;
        auto w = parseScheduleWindow(text);
        if (!w)
            return badValue(u"schedule/windows"_s, w.error().message);
        c.windows.append(*w);
    }
    return c;
}

QString HostConfig::relayKeyPath() const
{
    return QDir(stateDir).filePath(u"relay_ed25519"_s);
}

bool HostConfig::isImageAllowed(const QString &ref) const
{
    // A renter's saved image (docs/host.md, "Saved images"): the market lets only its owner
    // launch it.
    if (ref.contains(u"/suanli-images/img-"_s))
        return true;
    return std::any_of(images.cbegin(), images.cend(),
                       [&ref](const protocol::Image &i) { return i.ref == ref; });
}

bool HostConfig::lendsAt(const QDateTime &when) const
{
    if (windows.isEmpty())
        return true;
    const QDateTime local = when.toLocalTime();
    const int today = local.date().dayOfWeek() - 1; // 0 = Monday
    const int yesterday = (today + 6) % 7;
    const int minute = local.time().hour() * 60 + local.time().minute();
    for (const ScheduleWindow &w : windows) {
        const bool crosses = w.endMinute < w.startMinute;
        if ((w.days & (1u << today)) && minute >= w.startMinute &&
            (crosses || minute < w.endMinute))
            return true;
        if (crosses && (w.days & (1u << yesterday)) && minute < w.endMinute)
            return true;
    }
    return false;
}

} // namespace suanli::host
