#pragma once

#include "traytext.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace suanli::ui {
class EarningsPanel;
}

namespace suanli::ui {

/// The Lend view's body for the main window: status, the owner's buttons and "Set up
/// lending…" (LendWizard, opened by the app on setupRequested), earnings (EarningsPanel: today,
/// this month, a bar per day, the ledger, the alarms), pricing with expected earnings per day
/// net of fee and electricity, when to lend, and limits. It edits the policy's settings
/// directly and reports each accepted change with settingsEdited (the app saves them through
/// contributor::ContributorSettings).
class LendView : public QWidget
{
    Q_OBJECT
public:
    explicit LendView(contributor::ContributorController *controller, QWidget *parent = nullptr);

    void setMoneyFormat(TrayText::MoneyFormat format);
    /// The schedule as the owner typed it (kept beside the parsed windows).
    void setScheduleText(const QString &text);
    QString scheduleText() const;
    void setElectricity(Micro pricePerKwhMicro, double powerW, double lendHoursPerDay);
    Micro pricePerKwhMicro() const;
    double powerW() const;
    double lendHoursPerDay() const;
    /// Where a fullscreen app cannot be detected, why (shown under "pause when…"); empty hides.
    void setFullscreenNote(const QString &why);
    /// Shows the policy's settings again (after the wizard changed them).
    void reload();

    // For tests and for the app's own layout.
    QLabel *statusLabel() const { return m_status; }
    QLabel *estimateLabel() const { return m_estimate; }
    QLabel *scheduleError() const { return m_scheduleError; }
    QLabel *fullscreenNote() const { return m_fullscreenNote; }
    QSpinBox *idleMinutesBox() const { return m_idleMinutes; }
    QLineEdit *scheduleEdit() const { return m_schedule; }
    QPushButton *lendNowButton() const { return m_lendNow; }
    QPushButton *forceStopButton() const { return m_forceStop; }
    QPushButton *setupButton() const { return m_setup; }
    QPushButton *pauseButton() const { return m_pause; }
    QCheckBox *enabledBox() const { return m_enabled; }
    EarningsPanel *earningsPanel() const { return m_earningsPanel; }
    /// Puts the payouts (ui/payoutpanel.h, issue 18) below the earnings.
    void setPayoutPanel(QWidget *panel);
    QWidget *payoutPanel() const { return m_payoutPanel; }

signals:
    void settingsEdited(const suanli::host::LendingSettings &settings, const QString &scheduleText);
    void electricityEdited();
    /// "Set up lending…" was clicked.
    void setupRequested();

private:
    void loadFromPolicy();
    void applyEdits();
    void updateStatus();
    void updateEstimate();

    contributor::ContributorController *m_controller;
    TrayText::MoneyFormat m_money; ///< always set: TrayText::moneyFormat
    bool m_loading = false;
    QLabel *m_status = nullptr;
    EarningsPanel *m_earningsPanel = nullptr;
    QWidget *m_payoutPanel = nullptr; ///< issue 18
    QPushButton *m_setup = nullptr;
    QLabel *m_suggestion = nullptr;
    QLabel *m_estimate = nullptr;
    QDoubleSpinBox *m_kwhPrice = nullptr;
    QDoubleSpinBox *m_power = nullptr;
    QDoubleSpinBox *m_hours = nullptr;
    QCheckBox *m_enabled = nullptr;
    QCheckBox *m_requireIdle = nullptr;
    QSpinBox *m_idleMinutes = nullptr;
    QLineEdit *m_schedule = nullptr;
    QLabel *m_scheduleError = nullptr;
    QCheckBox *m_pauseOnGpu = nullptr;
    QLabel *m_fullscreenNote = nullptr;
    QDoubleSpinBox *m_maxTemp = nullptr;
    QDoubleSpinBox *m_maxPower = nullptr;
    QRadioButton *m_interruptible = nullptr;
    QRadioButton *m_onDemand = nullptr;
    QSpinBox *m_grace = nullptr;
    QPushButton *m_lendNow = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_forceStop = nullptr;
};

} // namespace suanli::ui
