#include "contributorsettings.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace suanli::contributor {

namespace {
const QString kEnabled = u"contributor/enabled"_s;
const QString kRequireIdle = u"contributor/require_idle"_s;
const QString kIdleMinutes = u"contributor/idle_minutes"_s;
const QString kWindows = u"contributor/schedule_windows"_s;
const QString kPauseOnGpuUse = u"contributor/pause_on_gpu_use"_s;
const QString kMaxTemperature = u"contributor/max_temperature_c"_s;
const QString kMaxPower = u"contributor/max_power_w"_s;
const QString kInterruptible = u"contributor/interruptible"_s;
const QString kGrace = u"contributor/grace_s"_s;
const QString kPricePerKwh = u"contributor/price_per_kwh_micro"_s;
const QString kPowerW = u"contributor/power_w"_s;
const QString kLendHours = u"contributor/lend_hours_per_day"_s;
const QString kSetupDone = u"contributor/setup_done"_s;
} // namespace

ContributorSettings::ContributorSettings(const QString &iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

host::LendingSettings ContributorSettings::lending() const
{
    host::LendingSettings d;
    const QSettings &s = *m_settings;
    // Off until the owner has set lending up: installing the app never lends by itself.
    d.enabled = s.value(kEnabled, false).toBool();
    d.requireIdle = s.value(kRequireIdle, d.requireIdle).toBool();
    d.idleMinutes = std::clamp(s.value(kIdleMinutes, d.idleMinutes).toInt(), 1, 24 * 60);
    d.pauseOnGpuUse = s.value(kPauseOnGpuUse, d.pauseOnGpuUse).toBool();
    d.maxTemperatureC = std::max(0.0, s.value(kMaxTemperature, d.maxTemperatureC).toDouble());
    d.maxPowerW = std::max(0.0, s.value(kMaxPower, d.maxPowerW).toDouble());
    d.interruptible = s.value(kInterruptible, d.interruptible).toBool();
    d.graceS = std::clamp(s.value(kGrace, d.graceS).toInt(), 0, 3600);
    for (const QString &text : windowTexts()) {
        if (auto w = host::parseScheduleWindow(text))
            d.windows.append(*w);
    }
    return d;
}

void ContributorSettings::setLending(const host::LendingSettings &l, const QStringList &windowTexts)
{
    QSettings &s = *m_settings;
    s.setValue(kEnabled, l.enabled);
    s.setValue(kRequireIdle, l.requireIdle);
    s.setValue(kIdleMinutes, l.idleMinutes);
    s.setValue(kPauseOnGpuUse, l.pauseOnGpuUse);
    s.setValue(kMaxTemperature, l.maxTemperatureC);
    s.setValue(kMaxPower, l.maxPowerW);
    s.setValue(kInterruptible, l.interruptible);
    s.setValue(kGrace, l.graceS);
    s.setValue(kWindows, windowTexts);
}

QStringList ContributorSettings::windowTexts() const
{
    return m_settings->value(kWindows).toStringList();
}

Micro ContributorSettings::pricePerKwhMicro() const
{
    return m_settings->value(kPricePerKwh, 600'000).toLongLong();
}

void ContributorSettings::setPricePerKwhMicro(Micro price)
{
    m_settings->setValue(kPricePerKwh, price);
}

double ContributorSettings::powerW() const
{
    return m_settings->value(kPowerW, 0.0).toDouble();
}

void ContributorSettings::setPowerW(double watts)
{
    m_settings->setValue(kPowerW, watts);
}

double ContributorSettings::lendHoursPerDay() const
{
    return m_settings->value(kLendHours, 12.0).toDouble();
}

void ContributorSettings::setLendHoursPerDay(double hours)
{
    m_settings->setValue(kLendHours, hours);
}

bool ContributorSettings::setupDone() const
{
    return m_settings->value(kSetupDone, false).toBool();
}

void ContributorSettings::setSetupDone(bool done)
{
    m_settings->setValue(kSetupDone, done);
}

} // namespace suanli::contributor
