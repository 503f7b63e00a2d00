#pragma once

#include "host/lendingpolicy.h"
#include "protocol/money.h"

#include <QSettings>
#include <QStringList>

#include <memory>

namespace suanli::contributor {

/// Contributor mode's choices, persisted under the group "contributor" of the app's settings
/// (one typed wrapper, no string keys elsewhere). Schedule windows are kept as the owner typed
/// them ("mon-fri 22:00-08:00") and parsed on load; one that no longer parses is dropped.
class ContributorSettings
{
public:
    /// Default location (per user, native format), or a given INI file (tests).
    explicit ContributorSettings(const QString &iniPath = {});

    host::LendingSettings lending() const;
    void setLending(const host::LendingSettings &settings, const QStringList &windowTexts);
    QStringList windowTexts() const;

    /// The owner's electricity tariff per kWh and the power their GPUs draw under load
    /// (for the expected earnings; the measured figure replaces the typed one once rented).
    Micro pricePerKwhMicro() const;
    void setPricePerKwhMicro(Micro price);
    double powerW() const;
    void setPowerW(double watts);
    double lendHoursPerDay() const;
    void setLendHoursPerDay(double hours);

    /// The setup wizard was finished once (the Lend page stops offering it on first use).
    bool setupDone() const;
    void setSetupDone(bool done);

    void sync() { m_settings->sync(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace suanli::contributor
