#pragma once

#include "traytext.h"

#include "host/selftest.h"

#include <QWizard>

#include <functional>
#include <memory>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTreeWidget;

namespace suanli::ui {

class AutostartBox;

/// "Set up lending…": register this machine with the market, run the self-test (each failure
/// with how to fix it), choose the price, then when to lend. Finishing applies the choices to
/// the policy (lending on) and reports them with finishedSetup; the app saves them and sets the
/// listing price at the market.
class LendWizard : public QWizard
{
    Q_OBJECT
public:
    enum Page { RegisterPage, SelfTestPage, PricingPage, WhenPage };
    enum class Registration { NotRegistered, Working, Registered, Failed };

    /// What the wizard needs from the app: registering this machine (the answer comes back
    /// through setRegistration) and a self-test to run.
    struct Machine
    {
        std::function<void()> registerMachine;
        std::function<std::unique_ptr<host::SelfTest>()> makeSelfTest;
    };

    LendWizard(contributor::ContributorController *controller, Machine machine,
               QWidget *parent = nullptr);
    ~LendWizard() override;

    void setMoneyFormat(TrayText::MoneyFormat format);
    void setRegistration(Registration state, const QString &detail);
    void setScheduleText(const QString &text);
    void setElectricity(Micro pricePerKwhMicro, double powerW, double lendHoursPerDay);
    /// How to fix a failed self-test check, by the check's name ("podman", "image", "gpus", …).
    static QString fixFor(const QString &check, const QString &detail);

    // For tests and screenshots.
    QLabel *registrationLabel() const { return m_registration; }
    QPushButton *registerButton() const { return m_register; }
    QTreeWidget *checks() const { return m_checks; }
    QPushButton *rerunButton() const { return m_rerun; }
    bool selfTestFinished() const { return m_testFinished; }
    QDoubleSpinBox *priceBox() const { return m_price; }
    /// The prepaid plans' prices per GPU (0: "Not offered").
    QDoubleSpinBox *dayPriceBox() const { return m_dayPrice; }
    QDoubleSpinBox *weekPriceBox() const { return m_weekPrice; }
    QDoubleSpinBox *monthPriceBox() const { return m_monthPrice; }
    QDoubleSpinBox *noGpuPriceBox() const { return m_noGpuPrice; }
    QLabel *planError() const { return m_planError; }
    QLabel *estimateLabel() const { return m_estimate; }
    QLineEdit *scheduleEdit() const { return m_schedule; }
    QLabel *scheduleError() const { return m_scheduleError; }
    QCheckBox *requireIdleBox() const { return m_requireIdle; }
    QSpinBox *idleMinutesBox() const { return m_idleMinutes; }
    QRadioButton *onDemandButton() const { return m_onDemand; }
    /// "Start Suanli when I log in": applied when the wizard finishes.
    QCheckBox *autostartBox() const;
    QLabel *autostartError() const { return m_autostartError; }

signals:
    /// Finish: the settings now in the policy, the schedule as typed, the prices (per GPU-hour,
    /// whole machine without GPUs, and the plans; none on an interruptible machine) and the
    /// electricity figures.
    void finishedSetup(const suanli::host::LendingSettings &settings, const QString &scheduleText,
                       const suanli::contributor::ListingPrices &prices,
                       suanli::Micro pricePerKwhMicro, double powerW, double lendHoursPerDay);

protected:
    void initializePage(int id) override;
    bool validateCurrentPage() override;
    void accept() override;

private:
    QWizardPage *createRegisterPage();
    QWizardPage *createSelfTestPage();
    QWizardPage *createPricingPage();
    QWizardPage *createWhenPage();
    void runSelfTest();
    void onCheck(host::SelfTest::Outcome outcome, const QString &name, const QString &detail);
    void updatePricing();
    /// What the pricing page's boxes say.
    contributor::ListingPrices chosenPrices() const;
    static std::optional<Micro> planIn(const QDoubleSpinBox *box);
    /// Why the plan prices cannot be listed (one above its hours by the hour); empty when fine.
    QString planProblem() const;
    std::optional<QList<host::ScheduleWindow>> parsedSchedule();

    contributor::ContributorController *m_controller;
    Machine m_machine;
    TrayText::MoneyFormat m_money; ///< always set: TrayText::moneyFormat
    Registration m_registrationState = Registration::NotRegistered;
    QLabel *m_registration = nullptr;
    QPushButton *m_register = nullptr;
    QTreeWidget *m_checks = nullptr;
    QLabel *m_testSummary = nullptr;
    QPushButton *m_rerun = nullptr;
    std::unique_ptr<host::SelfTest> m_test;
    bool m_testFinished = false;
    int m_gpusOk = 0;
    int m_gpusFound = 0;
    QStringList m_fixes;
    QLabel *m_suggestion = nullptr;
    QDoubleSpinBox *m_price = nullptr;
    QDoubleSpinBox *m_kwhPrice = nullptr;
    QDoubleSpinBox *m_dayPrice = nullptr;
    QDoubleSpinBox *m_weekPrice = nullptr;
    QDoubleSpinBox *m_monthPrice = nullptr;
    QDoubleSpinBox *m_noGpuPrice = nullptr;
    QLabel *m_planHint = nullptr;
    QLabel *m_planError = nullptr;
    QDoubleSpinBox *m_power = nullptr;
    QDoubleSpinBox *m_hours = nullptr;
    QLabel *m_estimate = nullptr;
    QCheckBox *m_requireIdle = nullptr;
    QSpinBox *m_idleMinutes = nullptr;
    QLineEdit *m_schedule = nullptr;
    QLabel *m_scheduleError = nullptr;
    QCheckBox *m_pauseOnGpu = nullptr;
    QRadioButton *m_interruptible = nullptr;
    QRadioButton *m_onDemand = nullptr;
    AutostartBox *m_autostart = nullptr;
    QLabel *m_autostartError = nullptr;
};

} // namespace suanli::ui
