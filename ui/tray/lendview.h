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

/// The Lend view's body for the main window: status and earnings, pricing with expected
/// earnings per day net of electricity, when to lend, limits, and the owner's buttons. It edits
/// the policy's settings directly and reports each accepted change with settingsEdited (the
/// app saves them through contributor::ContributorSettings). The setup wizard is not here.
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

    // For tests and for the app's own layout.
    QLabel *statusLabel() const { return m_status; }
    QLabel *estimateLabel() const { return m_estimate; }
    QLabel *scheduleError() const { return m_scheduleError; }
    QSpinBox *idleMinutesBox() const { return m_idleMinutes; }
    QLineEdit *scheduleEdit() const { return m_schedule; }
    QPushButton *lendNowButton() const { return m_lendNow; }
    QPushButton *forceStopButton() const { return m_forceStop; }

signals:
    void settingsEdited(const suanli::host::LendingSettings &settings, const QString &scheduleText);
    void electricityEdited();

private:
    void loadFromPolicy();
    void applyEdits();
    void updateStatus();
    void updateEstimate();
    QString money(Micro amount) const;

    contributor::ContributorController *m_controller;
    TrayText::MoneyFormat m_money;
    bool m_loading = false;
    QLabel *m_status = nullptr;
    QLabel *m_earnings = nullptr;
    QLabel *m_alarms = nullptr;
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
