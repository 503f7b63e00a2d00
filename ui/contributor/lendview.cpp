#include "lendview.h"

#include "earningspanel.h"
#include "lendform.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

using contributor::ContributorController;
using host::LendingPolicy;
using lendform::doubleBox;

LendView::LendView(ContributorController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_money(TrayText::moneyFormat({}, controller))
{
    auto *layout = new QVBoxLayout(this);

    auto *statusBox = new QGroupBox(tr("Status"), this);
    auto *statusForm = new QFormLayout(statusBox);
    m_status = new QLabel(statusBox);
    m_status->setObjectName(u"lendStatus"_s);
    m_status->setWordWrap(true);
    statusForm->addRow(tr("State:"), m_status);
    auto *buttons = new QHBoxLayout;
    m_setup = new QPushButton(tr("Set up lending…"), statusBox);
    connect(m_setup, &QPushButton::clicked, this, &LendView::setupRequested);
    buttons->addWidget(m_setup);
    m_lendNow = new QPushButton(tr("Lend now"), statusBox);
    m_pause = new QPushButton(tr("Pause 1 h"), statusBox);
    m_forceStop = new QPushButton(tr("Stop rentals now"), statusBox);
    m_forceStop->setToolTip(
        tr("Stops on-demand rentals too. Renters lose their session, and it lowers this "
           "machine's reliability on the market."));
    buttons->addWidget(m_lendNow);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_forceStop);
    buttons->addStretch();
    statusForm->addRow(buttons);
    layout->addWidget(statusBox);

    auto *earningsBox = new QGroupBox(tr("Earnings"), this);
    auto *earningsLayout = new QVBoxLayout(earningsBox);
    m_earningsPanel = new EarningsPanel(controller, earningsBox);
    earningsLayout->addWidget(m_earningsPanel);
    layout->addWidget(earningsBox);

    auto *pricingBox = new QGroupBox(tr("Pricing"), this);
    auto *pricingForm = new QFormLayout(pricingBox);
    m_suggestion = new QLabel(tr("No suggestion from the market yet."), pricingBox);
    m_suggestion->setObjectName(u"lendSuggestion"_s);
    m_suggestion->setWordWrap(true);
    m_kwhPrice = doubleBox(100, 2, QString(), pricingBox);
    m_power = doubleBox(10'000, 0, tr(" W"), pricingBox);
    m_hours = doubleBox(24, 1, tr(" h"), pricingBox);
    m_estimate = new QLabel(pricingBox);
    m_estimate->setWordWrap(true);
    pricingForm->addRow(m_suggestion);
    pricingForm->addRow(tr("Electricity price per kWh:"), m_kwhPrice);
    pricingForm->addRow(tr("Power under load:"), m_power);
    pricingForm->addRow(tr("Hours lent per day:"), m_hours);
    pricingForm->addRow(tr("Expected per day:"), m_estimate);
    layout->addWidget(pricingBox);

    auto *whenBox = new QGroupBox(tr("When to lend"), this);
    auto *whenForm = new QFormLayout(whenBox);
    m_enabled = new QCheckBox(tr("Lend this computer"), whenBox);
    m_requireIdle = new QCheckBox(tr("Only when I am away"), whenBox);
    m_idleMinutes = new QSpinBox(whenBox);
    m_idleMinutes->setRange(1, 24 * 60);
    m_idleMinutes->setSuffix(tr(" min without keyboard or mouse"));
    m_schedule = new QLineEdit(whenBox);
    m_schedule->setPlaceholderText(tr("any time, or e.g. mon-fri 22:00-08:00, sat 00:00-24:00"));
    m_scheduleError = new QLabel(whenBox);
    m_scheduleError->setWordWrap(true);
    m_scheduleError->hide();
    m_pauseOnGpu = new QCheckBox(tr("Pause when another program uses the GPU or a fullscreen "
                                    "app runs"),
                                 whenBox);
    whenForm->addRow(m_enabled);
    whenForm->addRow(m_requireIdle, m_idleMinutes);
    whenForm->addRow(tr("Schedule:"), m_schedule);
    whenForm->addRow(m_scheduleError);
    m_fullscreenNote = new QLabel(whenBox);
    m_fullscreenNote->setWordWrap(true);
    m_fullscreenNote->hide();
    whenForm->addRow(m_pauseOnGpu);
    whenForm->addRow(m_fullscreenNote);
    layout->addWidget(whenBox);

    auto *limitsBox = new QGroupBox(tr("Limits"), this);
    auto *limitsForm = new QFormLayout(limitsBox);
    m_maxTemp = doubleBox(120, 0, tr(" °C"), limitsBox);
    m_maxTemp->setSpecialValueText(tr("no limit"));
    m_maxPower = doubleBox(10'000, 0, tr(" W"), limitsBox);
    m_maxPower->setSpecialValueText(tr("no limit"));
    m_interruptible =
        new QRadioButton(tr("Interruptible: rentals stop (data kept) when I come back"), limitsBox);
    m_onDemand = new QRadioButton(
        tr("On demand: rentals continue when I come back; stopping them counts against "
           "reliability"),
        limitsBox);
    m_grace = new QSpinBox(limitsBox);
    m_grace->setRange(0, 3600);
    m_grace->setSuffix(tr(" s notice before an interruptible rental stops"));
    limitsForm->addRow(tr("Temperature limit:"), m_maxTemp);
    limitsForm->addRow(tr("Power limit:"), m_maxPower);
    limitsForm->addRow(m_interruptible);
    limitsForm->addRow(m_onDemand);
    limitsForm->addRow(tr("Notice:"), m_grace);
    layout->addWidget(limitsBox);
    layout->addStretch();

    LendingPolicy *policy = controller->policy();
    connect(m_lendNow, &QPushButton::clicked, policy, &LendingPolicy::lendNow);
    connect(m_pause, &QPushButton::clicked, policy, [policy] { policy->pauseFor(3600); });
    connect(m_forceStop, &QPushButton::clicked, policy, &LendingPolicy::forceStopAll);
    for (QCheckBox *box : {m_enabled, m_requireIdle, m_pauseOnGpu})
        connect(box, &QCheckBox::toggled, this, &LendView::applyEdits);
    for (QSpinBox *box : {m_idleMinutes, m_grace})
        connect(box, &QSpinBox::valueChanged, this, &LendView::applyEdits);
    for (QDoubleSpinBox *box : {m_maxTemp, m_maxPower})
        connect(box, &QDoubleSpinBox::valueChanged, this, &LendView::applyEdits);
    connect(m_interruptible, &QRadioButton::toggled, this, &LendView::applyEdits);
    connect(m_schedule, &QLineEdit::editingFinished, this, &LendView::applyEdits);
    for (QDoubleSpinBox *box : {m_kwhPrice, m_power, m_hours})
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            updateEstimate();
            if (!m_loading)
                emit electricityEdited();
        });
    connect(controller, &ContributorController::stateChanged, this, &LendView::updateStatus);
    connect(controller, &ContributorController::earningsChanged, this, &LendView::updateStatus);
    connect(controller, &ContributorController::alarmsChanged, this, &LendView::updateStatus);
    connect(controller, &ContributorController::rateChanged, this, &LendView::updateEstimate);
    connect(controller, &ContributorController::pricingChanged, this, &LendView::updateEstimate);
    connect(controller, &ContributorController::pricingFailed, this, [this](const Error &e) {
        m_suggestion->setText(tr("No suggestion from the market: %1").arg(e.message));
    });
    loadFromPolicy();
    updateStatus();
    updateEstimate();
}

void LendView::setMoneyFormat(TrayText::MoneyFormat format)
{
    m_money = TrayText::moneyFormat(format, m_controller);
    m_earningsPanel->setMoneyFormat(std::move(format));
    updateStatus();
    updateEstimate();
}

void LendView::setScheduleText(const QString &text)
{
    m_schedule->setText(text);
    applyEdits();
}

QString LendView::scheduleText() const
{
    return m_schedule->text().trimmed();
}

void LendView::setElectricity(Micro pricePerKwhMicro, double powerW, double lendHoursPerDay)
{
    m_loading = true;
    lendform::setMicro(m_kwhPrice, pricePerKwhMicro);
    m_power->setValue(powerW);
    m_hours->setValue(lendHoursPerDay);
    m_loading = false;
    updateEstimate();
}

Micro LendView::pricePerKwhMicro() const
{
    return lendform::microIn(m_kwhPrice);
}

double LendView::powerW() const
{
    return m_power->value();
}

double LendView::lendHoursPerDay() const
{
    return m_hours->value();
}

void LendView::setFullscreenNote(const QString &why)
{
    // The host library's words (English), inside a translated sentence.
    m_fullscreenNote->setText(
        why.isEmpty() ? QString()
                      : tr("Fullscreen apps are not detected here (%1); another program on "
                           "the GPU still pauses lending.")
                            .arg(why));
    m_fullscreenNote->setVisible(!why.isEmpty());
}

void LendView::reload()
{
    loadFromPolicy();
    m_idleMinutes->setEnabled(m_requireIdle->isChecked());
    m_grace->setEnabled(m_interruptible->isChecked());
}

void LendView::loadFromPolicy()
{
    m_loading = true;
    const host::LendingSettings &s = m_controller->policy()->settings();
    m_enabled->setChecked(s.enabled);
    m_requireIdle->setChecked(s.requireIdle);
    m_idleMinutes->setValue(s.idleMinutes);
    m_pauseOnGpu->setChecked(s.pauseOnGpuUse);
    m_maxTemp->setValue(s.maxTemperatureC);
    m_maxPower->setValue(s.maxPowerW);
    (s.interruptible ? m_interruptible : m_onDemand)->setChecked(true);
    m_grace->setValue(s.graceS);
    m_loading = false;
}

void LendView::applyEdits()
{
    if (m_loading)
        return;
    host::LendingSettings s = m_controller->policy()->settings();
    s.enabled = m_enabled->isChecked();
    s.requireIdle = m_requireIdle->isChecked();
    s.idleMinutes = m_idleMinutes->value();
    s.pauseOnGpuUse = m_pauseOnGpu->isChecked();
    s.maxTemperatureC = m_maxTemp->value();
    s.maxPowerW = m_maxPower->value();
    s.interruptible = m_interruptible->isChecked();
    s.graceS = m_grace->value();
    m_idleMinutes->setEnabled(s.requireIdle);
    m_grace->setEnabled(s.interruptible);

    const auto windows = lendform::parseSchedule(scheduleText(), m_scheduleError);
    if (!windows)
        return; // keep lending by the last good schedule; the error says what is wrong
    s.windows = *windows;
    m_controller->policy()->setSettings(s);
    emit settingsEdited(s, scheduleText());
}

void LendView::updateStatus()
{
    const LendingPolicy &policy = *m_controller->policy();
    m_status->setText(TrayText::statusLine(*m_controller));
    m_forceStop->setEnabled(!policy.runningInstances().isEmpty());
    if (m_enabled->isChecked() != policy.settings().enabled) {
        // Lend now from the tray switches lending on: show it.
        const QSignalBlocker block(m_enabled);
        m_enabled->setChecked(policy.settings().enabled);
    }
}

void LendView::updateEstimate()
{
    if (const auto p = m_controller->pricing()) {
        m_suggestion->setText(
            p->listed == 0
                ? (p->gpuModel.isEmpty()
                       ? tr("No CPU-only computer is listed on the market yet: no suggestion.")
                       : tr("No %1 is listed on the market yet: no suggestion.").arg(p->gpuModel))
            : p->gpuModel.isEmpty()
                ? tr("CPU-only computers on the market: median %1 per hour, %2 listed, %3 % of "
                     "them rented now.")
                      .arg(m_money(p->medianPriceGpuHourMicro))
                      .arg(p->listed)
                      .arg(QLocale().toString(p->rentedShare * 100, 'f', 0))
                : tr("%1 on the market: median %2 per GPU-hour, %3 listed, %4 % of them rented "
                     "now.")
                      .arg(p->gpuModel, m_money(p->medianPriceGpuHourMicro))
                      .arg(p->listed)
                      .arg(QLocale().toString(p->rentedShare * 100, 'f', 0)));
    }
    const auto e = m_controller->estimate(m_hours->value(), m_power->value(), pricePerKwhMicro());
    m_estimate->setText(tr("%1 net (renters pay %2, platform fee %3, electricity %4)")
                            .arg(m_money(e.netPerDay), m_money(e.grossPerDay), m_money(e.feePerDay),
                                 m_money(e.electricityPerDay)));
}

// ---- money out (issue 18) ----
void LendView::setPayoutPanel(QWidget *panel)
{
    if (m_payoutPanel || !panel)
        return;
    auto *box = new QGroupBox(tr("Payouts"), this);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(panel);
    m_payoutPanel = panel;
    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    QWidget *earnings = m_earningsPanel->parentWidget(); // its group box
    layout->insertWidget(layout->indexOf(earnings) + 1, box);
}
// ---- end money ----

} // namespace suanli::ui
