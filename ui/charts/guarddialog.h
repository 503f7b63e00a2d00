#pragma once

#include "app/dashboard/dashboardclient.h"
#include "protocol/types.h"

#include <QDialog>

class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace suanli::ui::charts {

/// Edits an instance's cost guards — max spend, max duration, idle stop after N minutes below
/// a GPU utilisation — which the market enforces even while the app is closed. Save sends
/// PATCH /api/v1/instances/{id} with the fields that changed and closes on success; an error
/// stays in the dialog with what to do.
class GuardDialog : public QDialog
{
    Q_OBJECT
public:
    GuardDialog(const protocol::Instance &instance, const QString &currency,
                dashboard::DashboardClient *client, QWidget *parent = nullptr);

    /// The fields that differ from the instance; nullopt when the input is not valid.
    std::optional<protocol::InstanceGuardsPatch> patch() const;

    // For tests.
    QLineEdit *maxSpendEdit() const { return m_maxSpend; }
    QDoubleSpinBox *maxHoursSpin() const { return m_maxHours; }
    QSpinBox *idleMinutesSpin() const { return m_idleMinutes; }
    QDoubleSpinBox *idleThresholdSpin() const { return m_idleBelow; }
    QString errorText() const;
    void save();

signals:
    /// The market accepted the guards: the instance as it answered.
    void saved(const suanli::protocol::Instance &instance);

private:
    void validate();

    protocol::Instance m_instance;
    QString m_currency;
    dashboard::DashboardClient *m_client;
    QLineEdit *m_maxSpend;
    QDoubleSpinBox *m_maxHours;
    QSpinBox *m_idleMinutes;
    QDoubleSpinBox *m_idleBelow;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace suanli::ui::charts
