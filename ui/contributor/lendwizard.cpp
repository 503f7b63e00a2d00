#include "lendwizard.h"

#include "autostartbox.h"
#include "lendform.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

using host::SelfTest;
using lendform::doubleBox;

namespace {
QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}
} // namespace

LendWizard::LendWizard(contributor::ContributorController *controller, Machine machine,
                       QWidget *parent)
    : QWizard(parent)
    , m_controller(controller)
    , m_machine(std::move(machine))
    , m_money(TrayText::moneyFormat({}, controller))
{
    setWindowTitle(tr("Set up lending"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(RegisterPage, createRegisterPage());
    setPage(SelfTestPage, createSelfTestPage());
    setPage(PricingPage, createPricingPage());
    setPage(WhenPage, createWhenPage());
    setButtonText(QWizard::FinishButton, tr("Start lending"));
    connect(controller, &contributor::ContributorController::pricingChanged, this,
            &LendWizard::updatePricing);
    connect(controller, &contributor::ContributorController::rateChanged, this,
            &LendWizard::updatePricing);
    resize(640, 520);
}

LendWizard::~LendWizard() = default;

QWizardPage *LendWizard::createRegisterPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Register this computer"));
    page->setSubTitle(tr("The market needs to know this computer before renters can find it."));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(wrapped(
        tr("Registering gives this computer its own key at the market. Nothing is lent until "
           "you finish this wizard, and you can pause or stop lending at any time from the "
           "tray."),
        page));
    m_registration = wrapped(tr("This computer is not registered yet."), page);
    m_register = new QPushButton(tr("Register this computer"), page);
    connect(m_register, &QPushButton::clicked, this, [this] {
        if (m_machine.registerMachine) {
            setRegistration(Registration::Working, tr("Registering…"));
            m_machine.registerMachine();
        }
    });
    layout->addWidget(m_registration);
    layout->addWidget(m_register, 0, Qt::AlignLeft);
    layout->addStretch();
    return page;
}

void LendWizard::setRegistration(Registration state, const QString &detail)
{
    m_registrationState = state;
    m_registration->setText(detail);
    m_register->setEnabled(state == Registration::NotRegistered || state == Registration::Failed);
    m_register->setText(state == Registration::Failed ? tr("Try again")
                                                      : tr("Register this computer"));
    m_register->setVisible(state != Registration::Registered);
}

QWizardPage *LendWizard::createSelfTestPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Self-test"));
    page->setSubTitle(tr("Can this computer run renters' containers safely?"));
    auto *layout = new QVBoxLayout(page);
    m_checks = new QTreeWidget(page);
    m_checks->setColumnCount(2);
    m_checks->setHeaderLabels({tr("Check"), tr("Result")});
    m_checks->setRootIsDecorated(true);
    // Results and fixes are sentences: wrapped in full, never elided.
    m_checks->setWordWrap(true);
    m_checks->setUniformRowHeights(false);
    m_checks->setTextElideMode(Qt::ElideNone);
    m_checks->setSelectionMode(QAbstractItemView::NoSelection);
    m_checks->setFocusPolicy(Qt::NoFocus);
    m_checks->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_checks->header()->setStretchLastSection(true);
    m_testSummary = wrapped(QString(), page);
    m_rerun = new QPushButton(tr("Run again"), page);
    connect(m_rerun, &QPushButton::clicked, this, &LendWizard::runSelfTest);
    layout->addWidget(m_checks, 1);
    layout->addWidget(m_testSummary);
    layout->addWidget(m_rerun, 0, Qt::AlignLeft);
    return page;
}

void LendWizard::runSelfTest()
{
    m_checks->clear();
    m_gpusOk = 0;
    m_gpusFound = 0;
    m_fixes.clear();
    m_testFinished = false;
    m_rerun->setEnabled(false);
    m_testSummary->setText(tr("Running the self-test (it starts a small container)…"));
    if (!m_machine.makeSelfTest) {
        m_testSummary->setText(tr("This build has no host agent: the self-test cannot run."));
        return;
    }
    m_test = m_machine.makeSelfTest();
    connect(m_test.get(), &SelfTest::check, this, &LendWizard::onCheck);
    connect(m_test.get(), &SelfTest::finished, this, [this](bool ok) {
        m_testFinished = true;
        m_rerun->setEnabled(true);
        m_testSummary->setText(
            ok ? tr("Every check passed.")
               : tr("Fix what failed and run the self-test again. You may go on, but renters "
                    "cannot use this computer while a check fails.") +
                     u"\n"_s + m_fixes.join(u'\n'));
        // Feeds the "GPU not visible inside containers" alarm.
        m_controller->setGpuVisibility(std::max(m_gpusFound, m_gpusOk), m_gpusOk,
                                       ok ? QString() : m_testSummary->text());
    });
    m_test->start();
}

void LendWizard::onCheck(SelfTest::Outcome outcome, const QString &name, const QString &detail)
{
    static const QRegularExpression gpuCheck(u"^gpu \\d+$"_s);
    static const QRegularExpression gpusFound(u"^(\\d+) GPU"_s);
    if (outcome == SelfTest::Outcome::Ok && gpuCheck.match(name).hasMatch())
        ++m_gpusOk;
    if (name == "gpus"_L1 && outcome == SelfTest::Outcome::Failure)
        m_gpusFound = gpusFound.match(detail).captured(1).toInt();

    auto *item = new QTreeWidgetItem(m_checks, {name, detail});
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    if (outcome == SelfTest::Outcome::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    else if (outcome == SelfTest::Outcome::Failure)
        icon = QStyle::SP_MessageBoxCritical;
    item->setIcon(0, style()->standardIcon(icon));
    item->setToolTip(1, detail);
    if (outcome != SelfTest::Outcome::Ok) {
        auto *fix = new QTreeWidgetItem(item, {tr("How to fix"), fixFor(name, detail)});
        // The tree elides long sentences: the fixes are repeated in full below it.
        m_fixes.append(tr("• %1: %2").arg(name, fix->text(1)));
        fix->setToolTip(1, fix->text(1));
        item->setExpanded(true);
    }
}

QString LendWizard::fixFor(const QString &check, const QString &detail)
{
    if (check == "podman"_L1)
        return tr("Install Podman 4 or newer (Debian/Ubuntu: sudo apt install podman) and check "
                  "that `podman info` works for your user.");
    if (check == "isolation"_L1)
        return tr("Renters of this agent could reach your local network (router, NAS, other "
                  "computers). Run the system agent (suanli-host.service): sudo systemctl enable "
                  "--now suanli-host.service, then lend through it.");
    if (check == "limits"_L1)
        return tr("Boot with systemd.unified_cgroup_hierarchy=1 (cgroup v2), then run the "
                  "self-test again.");
    if (check == "image"_L1 || check == "images"_L1)
        return tr("Build the base image with scripts/build-base-image, or pull it with "
                  "`podman pull` followed by the image name above.");
    if (check == "container"_L1)
        return tr("Run `podman run --rm` with the image above in a terminal to see Podman's own "
                  "error; a missing runtime (crun or runc) or cgroup delegation is the usual "
                  "cause.");
    if (check == "gpus"_L1) {
        if (!detail.contains(u"CDI spec"_s))
            return tr("Install nvidia-container-toolkit 1.17.8 or newer (older versions let a "
                      "container take over the computer, CVE-2025-23266).");
        return tr("Generate the CDI spec so containers can see the GPUs: sudo nvidia-ctk cdi "
                  "generate --output=/etc/cdi/nvidia.yaml");
    }
    if (check == "state folder"_L1)
        return tr("Make the folder named above writable for your user, or set state_dir in "
                  "host.ini.");
    if (check == "address"_L1 || check == "ports"_L1)
        return tr("Set address and the port range in host.ini (see docs/host.md) to an address "
                  "of this computer and ports below the kernel's ephemeral range.");
    return tr("See the result above; docs/host.md explains each check.");
}

QWizardPage *LendWizard::createPricingPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Price"));
    page->setSubTitle(tr("What renters pay per GPU-hour (per hour for the whole computer when "
                         "it has no GPU)."));
    m_suggestion = wrapped(tr("Asking the market what similar computers earn…"), page);
    m_price = doubleBox(1000, 2, QString(), page);
    m_kwhPrice = doubleBox(100, 2, QString(), page);
    m_power = doubleBox(10'000, 0, tr(" W"), page);
    m_hours = doubleBox(24, 1, tr(" h"), page);
    m_estimate = wrapped(QString(), page);
    // Prepaid plans (包日 / 包周 / 包月): 0 shows "Not offered" and offers none.
    for (QDoubleSpinBox **plan : {&m_dayPrice, &m_weekPrice, &m_monthPrice, &m_noGpuPrice}) {
        *plan = doubleBox(1'000'000, 2, QString(), page);
        (*plan)->setSpecialValueText(tr("Not offered"));
    }
    m_planHint = wrapped(QString(), page);
    m_planError = wrapped(QString(), page);
    m_planError->setStyleSheet(u"color: #b3261e"_s);
    m_planError->hide();
    // The wrapped sentences sit in the page's column, not in a form row: a form gave them the
    // height of slightly less than the lines they wrap to, and their last line was cut off.
    auto *prices = new QFormLayout;
    prices->addRow(tr("Price per hour:"), m_price);
    prices->addRow(tr("Day plan, paid up front:"), m_dayPrice);
    prices->addRow(tr("Week plan:"), m_weekPrice);
    prices->addRow(tr("Month plan (30 days):"), m_monthPrice);
    // 无卡模式: a renter whose GPUs are taken reaches the data on the CPU share.
    prices->addRow(tr("Start without a GPU, per hour:"), m_noGpuPrice);
    auto *costs = new QFormLayout;
    costs->addRow(tr("Electricity price per kWh:"), m_kwhPrice);
    costs->addRow(tr("Power under load:"), m_power);
    costs->addRow(tr("Hours lent per day:"), m_hours);
    auto *column = new QVBoxLayout(page);
    column->addWidget(m_suggestion);
    column->addLayout(prices);
    column->addWidget(m_planHint);
    column->addWidget(m_planError);
    column->addLayout(costs);
    column->addWidget(new QLabel(tr("Expected per day:"), page));
    column->addWidget(m_estimate);
    column->addStretch(1);
    for (QDoubleSpinBox *box : {m_price, m_kwhPrice, m_power, m_hours, m_dayPrice, m_weekPrice,
                                m_monthPrice, m_noGpuPrice})
        connect(box, &QDoubleSpinBox::valueChanged, this, &LendWizard::updatePricing);
    return page;
}

std::optional<Micro> LendWizard::planIn(const QDoubleSpinBox *box)
{
    const Micro price = lendform::microIn(box);
    return price > 0 ? std::optional<Micro>(price) : std::nullopt;
}

contributor::ListingPrices LendWizard::chosenPrices() const
{
    return {lendform::microIn(m_price), planIn(m_dayPrice), planIn(m_weekPrice),
            planIn(m_monthPrice), planIn(m_noGpuPrice)};
}

QString LendWizard::planProblem() const
{
    // The market's rule (docs/market.md, "Prepaid plans"): a plan costs at most the same time by
    // the hour.
    const Micro hour = lendform::microIn(m_price);
    const struct
    {
        QDoubleSpinBox *box;
        qint64 hours;
        QString name;
    } plans[] = {{m_dayPrice, 24, tr("The day plan")},
                 {m_weekPrice, 24 * 7, tr("The week plan")},
                 {m_monthPrice, 24 * 30, tr("The month plan")}};
    for (const auto &p : plans) {
        const std::optional<Micro> price = planIn(p.box);
        if (price && *price > hour * p.hours)
            return tr("%1 costs more than %2 hours by the hour (%3): lower it, or raise the "
                      "hourly price.")
                .arg(p.name)
                .arg(p.hours)
                .arg(m_money(hour * p.hours));
    }
    // The market's CPU-only ceiling (docs/market.md, "Starting without a GPU").
    if (const auto noGpu = planIn(m_noGpuPrice); noGpu && *noGpu > hour / 10)
        return tr("A start without a GPU may cost at most a tenth of the hourly price (%1).")
            .arg(m_money(hour / 10));
    return {};
}

void LendWizard::updatePricing()
{
    if (!m_suggestion)
        return;
    const auto p = m_controller->pricing();
    if (p) {
        m_suggestion->setText(
            p->listed == 0
                ? tr("No computer like this one is listed on the market yet: choose a price.")
                : tr("Similar computers (%1) ask a median %2, %3 listed, %4 % of them rented now.")
                      .arg(p->gpuModel.isEmpty() ? tr("no GPU") : p->gpuModel,
                           m_money(p->medianPriceGpuHourMicro))
                      .arg(p->listed)
                      .arg(QLocale().toString(p->rentedShare * 100, 'f', 0)));
    }
    const auto e = contributor::EarningsEstimate::compute(
        lendform::microIn(m_price), m_controller->offeredGpus(), m_hours->value(),
        p ? p->rentedShare : 0.0, m_controller->feePpm().value_or(0), m_power->value(),
        lendform::microIn(m_kwhPrice));
    QString text = tr("%1 net: renters pay %2, platform fee %3, electricity %4")
                       .arg(m_money(e.netPerDay), m_money(e.grossPerDay), m_money(e.feePerDay),
                            m_money(e.electricityPerDay));
    if (!m_controller->feeKnown())
        text += u'\n' + tr("The market did not say its fee: the figure is before the fee.");
    if (!p || p->rentedShare == 0)
        text += u'\n' + tr("Nothing like this computer is rented now, so the estimate is zero; "
                           "a price below the median gets renters sooner.");
    m_estimate->setText(text);

    const Micro hour = lendform::microIn(m_price);
    m_planHint->setText(
        tr("Plans are paid up front and cost less than the same time by the hour (a day by the "
           "hour: %1, a week: %2, a month: %3). They are offered only when rentals continue "
           "while you use this computer (On demand, next page).")
            .arg(m_money(hour * 24), m_money(hour * 24 * 7), m_money(hour * 24 * 30)));
    const QString problem = planProblem();
    m_planError->setText(problem);
    m_planError->setVisible(!problem.isEmpty());
}

QWizardPage *LendWizard::createWhenPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("When to lend"));
    page->setSubTitle(tr("You are never bothered while you use this computer."));
    auto *form = new QFormLayout(page);
    m_requireIdle = new QCheckBox(tr("Only when I am away"), page);
    m_idleMinutes = new QSpinBox(page);
    m_idleMinutes->setRange(1, 24 * 60);
    m_idleMinutes->setSuffix(tr(" min without keyboard or mouse"));
    m_schedule = new QLineEdit(page);
    m_schedule->setPlaceholderText(tr("any time, or e.g. mon-fri 22:00-08:00, sat 00:00-24:00"));
    m_scheduleError = wrapped(QString(), page);
    m_scheduleError->setStyleSheet(u"color: #b3261e"_s);
    m_scheduleError->hide();
    m_pauseOnGpu =
        new QCheckBox(tr("Pause when another program uses the GPU or a fullscreen app runs"), page);
    m_interruptible =
        new QRadioButton(tr("Interruptible: rentals stop (data kept) when I come back"), page);
    m_onDemand = new QRadioButton(
        tr("On demand: rentals continue when I come back; stopping them counts against "
           "reliability"),
        page);
    form->addRow(m_requireIdle, m_idleMinutes);
    form->addRow(tr("Schedule:"), m_schedule);
    form->addRow(m_scheduleError);
    form->addRow(m_pauseOnGpu);
    form->addRow(m_interruptible);
    form->addRow(m_onDemand);
    // Lending needs Suanli running: the entry starts it in the tray at login.
    m_autostart = new AutostartBox(page);
    m_autostartError = wrapped(QString(), page);
    m_autostartError->setStyleSheet(u"color: #b3261e"_s);
    m_autostartError->hide();
    form->addRow(m_autostart);
    form->addRow(m_autostartError);
    connect(m_requireIdle, &QCheckBox::toggled, m_idleMinutes, &QSpinBox::setEnabled);
    const host::LendingSettings &s = m_controller->policy()->settings();
    m_requireIdle->setChecked(s.requireIdle);
    m_idleMinutes->setValue(s.idleMinutes);
    m_idleMinutes->setEnabled(s.requireIdle);
    m_pauseOnGpu->setChecked(s.pauseOnGpuUse);
    (s.interruptible ? m_interruptible : m_onDemand)->setChecked(true);
    return page;
}

QCheckBox *LendWizard::autostartBox() const
{
    return m_autostart;
}

void LendWizard::setMoneyFormat(TrayText::MoneyFormat format)
{
    m_money = TrayText::moneyFormat(std::move(format), m_controller);
    updatePricing();
}

void LendWizard::setScheduleText(const QString &text)
{
    m_schedule->setText(text);
}

void LendWizard::setElectricity(Micro pricePerKwhMicro, double powerW, double lendHoursPerDay)
{
    lendform::setMicro(m_kwhPrice, pricePerKwhMicro);
    m_power->setValue(powerW);
    m_hours->setValue(lendHoursPerDay);
}

void LendWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id == SelfTestPage && !m_test)
        runSelfTest();
    if (id == PricingPage) {
        // The listing's price, else the market's median, else ¥1/h (docs/contributor.md, wizard).
        Micro price = m_controller->listingPrice();
        if (price <= 0 && m_controller->pricing())
            price = m_controller->pricing()->medianPriceGpuHourMicro;
        if (price <= 0)
            price = kMicroPerUnit;
        lendform::setMicro(m_price, price);
        const contributor::ListingPrices listed = m_controller->listingPrices();
        lendform::setMicro(m_dayPrice, listed.day.value_or(0));
        lendform::setMicro(m_weekPrice, listed.week.value_or(0));
        lendform::setMicro(m_monthPrice, listed.month.value_or(0));
        lendform::setMicro(m_noGpuPrice, listed.noGpu.value_or(0));
        updatePricing();
    }
}

std::optional<QList<host::ScheduleWindow>> LendWizard::parsedSchedule()
{
    return lendform::parseSchedule(m_schedule->text(), m_scheduleError);
}

bool LendWizard::validateCurrentPage()
{
    if (currentId() == RegisterPage && m_registrationState != Registration::Registered) {
        if (m_registrationState == Registration::NotRegistered)
            m_registration->setText(tr("Register this computer first: click the button below."));
        return false;
    }
    if (currentId() == PricingPage && (m_price->value() <= 0 || !planProblem().isEmpty()))
        return false;
    if (currentId() == WhenPage)
        return parsedSchedule().has_value();
    return true;
}

void LendWizard::accept()
{
    const auto windows = parsedSchedule();
    if (!windows)
        return;
    if (const Result<void> autostart = m_autostart->apply(); !autostart) {
        m_autostartError->setText(
            tr("Could not change the login entry: %1").arg(autostart.error().message));
        m_autostartError->show();
        return;
    }
    m_autostartError->hide();
    host::LendingSettings s = m_controller->policy()->settings();
    s.enabled = true;
    s.requireIdle = m_requireIdle->isChecked();
    s.idleMinutes = m_idleMinutes->value();
    s.windows = *windows;
    s.pauseOnGpuUse = m_pauseOnGpu->isChecked();
    s.interruptible = m_interruptible->isChecked();
    m_controller->policy()->setSettings(s);
    contributor::ListingPrices prices = chosenPrices();
    if (s.interruptible) // the market sells no plan on an interruptible host
        prices.day = prices.week = prices.month = std::nullopt;
    m_controller->setListingPrices(prices);
    emit finishedSetup(s, m_schedule->text().trimmed(), prices, lendform::microIn(m_kwhPrice),
                       m_power->value(), m_hours->value());
    QWizard::accept();
}

} // namespace suanli::ui
