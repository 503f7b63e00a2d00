#include "guarddialog.h"

#include "app/moneyformat.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace suanli::ui::charts {

GuardDialog::GuardDialog(const protocol::Instance &instance, const QString &currency,
                         dashboard::DashboardClient *client, QWidget *parent)
    : QDialog(parent)
    , m_instance(instance)
    , m_currency(currency)
    , m_client(client)
{
    const QString name = instance.label.isEmpty() ? tr("instance %1").arg(instance.id)
                                                  : instance.label;
    setWindowTitle(tr("Cost guard for %1").arg(name));
    const QLocale locale;

    auto *intro = new QLabel(tr("The market stops the instance (its data is kept) when a limit is "
                                "reached, even while this app is closed. Spent so far: %1.")
                                 .arg(app::formatMoney(instance.spend_micro, currency, locale)),
                             this);
    intro->setWordWrap(true);

    m_maxSpend = new QLineEdit(this);
    m_maxSpend->setPlaceholderText(tr("No limit"));
    if (instance.max_spend_micro > 0) {
        // The plain number, so that parseMoney reads back exactly what is shown.
        m_maxSpend->setText(app::formatMoney(instance.max_spend_micro, QString(), QLocale::c(), 2, 6)
                                .remove(QLatin1Char(',')).trimmed());
    }
    m_maxSpend->setToolTip(tr("Total spend of this instance, in %1; empty for no limit")
                               .arg(app::currencySymbol(currency, locale)));

    m_maxHours = new QDoubleSpinBox(this);
    m_maxHours->setRange(0, 24 * 365);
    m_maxHours->setDecimals(1);
    m_maxHours->setSingleStep(0.5);
    m_maxHours->setSuffix(tr(" h"));
    m_maxHours->setSpecialValueText(tr("No limit"));
    m_maxHours->setValue(double(instance.max_duration_s) / 3600.0);
    m_maxHours->setToolTip(tr("Running time over all periods"));

    m_idleMinutes = new QSpinBox(this);
    m_idleMinutes->setRange(0, 7 * 24 * 60);
    m_idleMinutes->setSuffix(tr(" min"));
    m_idleMinutes->setSpecialValueText(tr("Off"));
    m_idleMinutes->setValue(int(instance.idle_stop_s / 60));

    m_idleBelow = new QDoubleSpinBox(this);
    m_idleBelow->setRange(0, 100);
    m_idleBelow->setDecimals(0);
    m_idleBelow->setSuffix(tr(" %"));
    m_idleBelow->setValue(instance.idle_below_pct);
    m_idleBelow->setToolTip(instance.gpu_count > 0
                                ? tr("Idle means every GPU below this utilisation and no SSH session")
                                : tr("Idle means the CPU below this (100 % = one core) and no SSH session"));

    auto *form = new QFormLayout;
    form->addRow(tr("Maximum spend (%1):").arg(app::currencySymbol(currency, locale)), m_maxSpend);
    form->addRow(tr("Maximum running time:"), m_maxHours);
    form->addRow(tr("Stop when idle for:"), m_idleMinutes);
    form->addRow(instance.gpu_count > 0 ? tr("Idle below (GPU):") : tr("Idle below (CPU):"),
                 m_idleBelow);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setVisible(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &GuardDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_maxSpend, &QLineEdit::textChanged, this, &GuardDialog::validate);
    connect(m_idleMinutes, &QSpinBox::valueChanged, this, &GuardDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    validate();
}

std::optional<protocol::InstanceGuardsPatch> GuardDialog::patch() const
{
    protocol::InstanceGuardsPatch p;
    Micro maxSpend = 0;
    const QString spendText = m_maxSpend->text().trimmed();
    if (!spendText.isEmpty()) {
        const auto parsed = app::parseMoney(spendText);
        if (!parsed || *parsed < 0)
            return std::nullopt;
        maxSpend = *parsed;
    }
    if (maxSpend != m_instance.max_spend_micro)
        p.max_spend_micro = maxSpend;
    const qint64 duration = qint64(std::llround(m_maxHours->value() * 3600));
    if (duration != m_instance.max_duration_s)
        p.max_duration_s = duration;
    const qint64 idle = qint64(m_idleMinutes->value()) * 60;
    if (idle != m_instance.idle_stop_s)
        p.idle_stop_s = idle;
    if (std::abs(m_idleBelow->value() - m_instance.idle_below_pct) > 1e-9)
        p.idle_below_pct = m_idleBelow->value();
    return p;
}

void GuardDialog::validate()
{
    const bool valid = patch().has_value();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(valid);
    m_idleBelow->setEnabled(m_idleMinutes->value() > 0);
    if (!valid) {
        m_error->setText(tr("Write the maximum spend as an amount such as 50 or 12.5, or leave it "
                            "empty for no limit."));
    }
    m_error->setVisible(!valid);
}

QString GuardDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void GuardDialog::save()
{
    const auto p = patch();
    if (!p)
        return;
    if (*p == protocol::InstanceGuardsPatch{}) {
        accept(); // nothing changed: no request, the idle clock keeps running
        return;
    }
    m_buttons->setEnabled(false);
    m_error->setVisible(false);
    m_client->patchGuards(m_instance.id, *p, this, [this](Result<protocol::Instance> r) {
        m_buttons->setEnabled(true);
        if (!r) {
            m_error->setText(tr("The market did not take the new limits: %1 Check the values "
                                "and your connection, then save again.")
                                 .arg(r.error().message));
            m_error->setVisible(true);
            return;
        }
        emit saved(*r);
        accept();
    });
}

} // namespace suanli::ui::charts
