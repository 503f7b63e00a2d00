#pragma once

#include "contributor/contributorcontroller.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace suanli::ui {

/// The words of contributor mode's states, shared by the tray and the Lend view.
class TrayText
{
    Q_DECLARE_TR_FUNCTIONS(suanli::ui::TrayText)
public:
    using MoneyFormat = std::function<QString(Micro)>;

    /// "Listed", "Rented", … (the state alone, for a menu header or a badge).
    static QString stateName(host::LendingPolicy::State state);
    /// One sentence on why: "you are using the GPU", "outside your lending hours", …
    static QString reasonText(const host::LendingPolicy &policy);
    /// The Lend page's state line: "Rented", "Paused: you are using the GPU", or what an
    /// engine lending without the policy does (local mode before lending is set up).
    static QString statusLine(const contributor::ContributorController &controller);
    /// The tooltip: state, earnings per hour while rented, why when paused or waiting.
    static QString tooltip(const contributor::ContributorController &controller,
                           const MoneyFormat &money);
    static QString alarmText(contributor::ContributorController::Alarm alarm);
    /// Fallback money format when the app does not set one: "1.50 CNY".
    static QString plainMoney(Micro amount, const QString &currency);
    /// `format`, or plainMoney in the controller's currency (read at each call) where the app
    /// set none: what the tray and the Lend view's widgets format amounts with.
    static MoneyFormat moneyFormat(MoneyFormat format,
                                   const contributor::ContributorController *controller);
};

} // namespace suanli::ui
