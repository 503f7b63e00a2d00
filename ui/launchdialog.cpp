#include "launchdialog.h"

#include "app/costestimate.h"
#include "app/moneyformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

LaunchDialog::LaunchDialog(client::MarketClient *client, const protocol::Offer &offer,
                           const QString &currency, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_offer(offer)
    , m_currency(currency)
    , m_image(new QComboBox(this))
    , m_imageState(new QLabel(this))
    , m_gpus(new QSpinBox(this))
    , m_disk(new QSpinBox(this))
    , m_label(new QLineEdit(this))
    , m_env(new QPlainTextEdit(this))
    , m_onstart(new QPlainTextEdit(this))
    , m_jupyter(new QCheckBox(tr("Start Jupyter (reached through an SSH tunnel)"), this))
    , m_jupyterWhy(new QLabel(tr("This image has no Jupyter server, so Jupyter cannot be "
                                 "started in it."),
                              this))
    , m_maxSpend(new QLineEdit(this))
    , m_maxHours(new QSpinBox(this))
    , m_plan(new QComboBox(this))
    , m_renew(
          new QCheckBox(tr("Renew at the end of each period while the balance covers it"), this))
    , m_breakdown(new QLabel(this))
    , m_upload(new QLabel(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"launchDialog"_s);
    setWindowTitle(offer.gpus_total == 0 ? tr("Rent a CPU machine on %1").arg(offer.host_name)
                                         : tr("Rent %1 on %2").arg(offer.gpu_model, offer.host_name));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_image->setObjectName(u"imageBox"_s);
    m_image->setMinimumWidth(400);
    auto *imageRow = new QVBoxLayout;
    imageRow->addWidget(m_image);
    imageRow->addWidget(m_imageState);
    form->addRow(tr("Image"), imageRow);

    m_gpus->setObjectName(u"gpuCount"_s);
    if (offer.gpus_total == 0) {
        m_gpus->setRange(0, 0);
        m_gpus->setSpecialValueText(tr("whole machine"));
    } else {
        m_gpus->setRange(1, qMax(1, offer.gpus_free));
    }
    form->addRow(tr("GPUs"), m_gpus);
    m_disk->setObjectName(u"diskSize"_s);
    m_disk->setRange(10, int(qMax<qint64>(10, offer.disk_free_gb)));
    m_disk->setValue(qMin(50, m_disk->maximum()));
    m_disk->setSuffix(tr(" GB"));
    form->addRow(tr("Disk"), m_disk);
    m_label->setObjectName(u"labelEdit"_s);
    m_label->setPlaceholderText(tr("e.g. llama-finetune (letters, digits, - and _)"));
    m_label->setValidator(new QRegularExpressionValidator(
        QRegularExpression(u"^[A-Za-z0-9_-]{0,40}$"_s), m_label));
    form->addRow(tr("Name"), m_label);
    m_env->setPlaceholderText(tr("KEY=value, one per line"));
    m_env->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);
    form->addRow(tr("Environment"), m_env);
    m_onstart->setPlaceholderText(tr("Shell commands run at each start, e.g. pip install -r requirements.txt"));
    m_onstart->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);
    form->addRow(tr("On start"), m_onstart);
    form->addRow(QString(), m_jupyter);
    m_jupyter->setObjectName(u"jupyterBox"_s);
    m_jupyterWhy->setObjectName(u"jupyterWhy"_s);
    m_jupyterWhy->setWordWrap(true);
    m_jupyterWhy->setStyleSheet(u"color: palette(mid)"_s);
    m_jupyterWhy->hide();
    form->addRow(QString(), m_jupyterWhy);
    m_maxSpend->setPlaceholderText(tr("no limit"));
    m_maxSpend->setValidator(new QRegularExpressionValidator(
        QRegularExpression(u"^\\d{0,9}([.,]\\d{0,2})?$"_s), m_maxSpend));
    form->addRow(tr("Stop when spent (%1)").arg(app::currencySymbol(currency, m_locale)), m_maxSpend);
    m_maxHours->setRange(0, 24 * 365);
    m_maxHours->setSpecialValueText(tr("no limit"));
    m_maxHours->setSuffix(tr(" h"));
    form->addRow(tr("Stop after"), m_maxHours);
    // Prepaid plans: shown only when the host offers one (docs/market.md, "Prepaid plans").
    m_plan->setObjectName(u"planBox"_s);
    m_renew->setObjectName(u"renewBox"_s);
    form->addRow(tr("Plan"), m_plan);
    form->addRow(QString(), m_renew);
    const bool offersPlans = !planChoices(offer, 1).isEmpty();
    form->setRowVisible(m_plan, offersPlans);
    form->setRowVisible(m_renew, offersPlans);
    fillPlans();
    layout->addLayout(form);

    m_breakdown->setObjectName(u"priceBreakdown"_s);
    m_breakdown->setTextFormat(Qt::RichText);
    m_breakdown->setWordWrap(true);
    m_breakdown->setFrameShape(QFrame::StyledPanel);
    m_breakdown->setMargin(8);
    layout->addWidget(m_breakdown);
    m_upload->setObjectName(u"uploadEstimate"_s);
    m_upload->setWordWrap(true);
    m_upload->hide();
    layout->addWidget(m_upload);
    m_error->setStyleSheet(u"color: #b42318;"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Launch"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_gpus, &QSpinBox::valueChanged, this, &LaunchDialog::fillPlans);
    connect(m_gpus, &QSpinBox::valueChanged, this, &LaunchDialog::updateBreakdown);
    connect(m_plan, &QComboBox::currentIndexChanged, this, [this] {
        m_renew->setEnabled(m_plan->currentData().toString() != "hourly"_L1);
        if (!m_renew->isEnabled())
            m_renew->setChecked(false);
        updateBreakdown();
    });
    connect(m_disk, &QSpinBox::valueChanged, this, &LaunchDialog::updateBreakdown);
    connect(m_maxHours, &QSpinBox::valueChanged, this, &LaunchDialog::updateBreakdown);
    connect(m_maxSpend, &QLineEdit::textChanged, this, &LaunchDialog::updateBreakdown);
    connect(m_renew, &QCheckBox::toggled, this, &LaunchDialog::updateBreakdown);
    connect(m_env, &QPlainTextEdit::textChanged, this, &LaunchDialog::validate);
    connect(m_image, &QComboBox::currentIndexChanged, this, [this] {
        updateJupyter();
        validate();
    });
    updateBreakdown();
    loadImages();
}

void LaunchDialog::updateJupyter()
{
    const bool has = m_image->currentData(Qt::UserRole + 1).toBool();
    m_jupyter->setEnabled(has);
    if (!has)
        m_jupyter->setChecked(false);
    // Where the box is off, say why.
    m_jupyterWhy->setVisible(!has && m_image->count() > 0);
}

void LaunchDialog::setGpuCount(int gpus)
{
    m_gpus->setValue(gpus);
}

void LaunchDialog::setDiskGb(qint64 gb)
{
    m_disk->setValue(int(gb));
}

QList<LaunchDialog::PlanChoice> LaunchDialog::planChoices(const protocol::Offer &offer, int gpus)
{
    QList<PlanChoice> choices;
    const int units = std::max(1, gpus);
    for (const QString &plan : {u"day"_s, u"week"_s, u"month"_s}) {
        const auto price = protocol::planPrice(offer, plan);
        if (!price)
            continue;
        PlanChoice c;
        c.plan = plan;
        c.periodS = protocol::planPeriodS(plan).value_or(0);
        c.price = *price * units;
        c.byTheHour = chargeForSeconds(offer.price_gpu_hour_micro * units, c.periodS);
        // Integer percent, rounded down: never promise more than the plan saves.
        if (c.byTheHour > 0 && c.price < c.byTheHour)
            c.savingPercent = int((Int128(c.byTheHour - c.price) * 100) / c.byTheHour);
        choices.append(c);
    }
    return choices;
}

QString LaunchDialog::periodName(const QString &plan)
{
    // One string per plan rather than a plural: "7 days" is the plan's name (包周).
    return plan == "day"_L1 ? tr("1 day") : plan == "week"_L1 ? tr("7 days") : tr("30 days");
}

QString LaunchDialog::planText(const PlanChoice &c, const QString &currency, const QLocale &locale)
{
    const QString price = app::formatMoney(c.price, currency, locale);
    const QString period = periodName(c.plan);
    if (c.savingPercent > 0)
        return tr("%1: %2 (save %3% vs hourly)").arg(period, price).arg(c.savingPercent);
    return tr("%1: %2").arg(period, price);
}

void LaunchDialog::fillPlans()
{
    const QString chosen = m_plan->count() ? m_plan->currentData().toString() : u"hourly"_s;
    QSignalBlocker block(m_plan);
    m_plan->clear();
    m_plan->addItem(
        tr("By the hour: %1/h, billed per second")
            .arg(app::formatPrice(m_offer.price_gpu_hour_micro * std::max(1, m_gpus->value()),
                                  m_currency, m_locale)),
        u"hourly"_s);
    for (const PlanChoice &c : planChoices(m_offer, m_gpus->value()))
        m_plan->addItem(planText(c, m_currency, m_locale), c.plan);
    m_plan->setCurrentIndex(std::max(0, m_plan->findData(chosen)));
    m_renew->setEnabled(m_plan->currentData().toString() != "hourly"_L1);
    if (!m_renew->isEnabled())
        m_renew->setChecked(false);
}

bool LaunchDialog::choosePlan(const QString &plan, bool renew)
{
    const int index = m_plan->findData(plan);
    if (index < 0)
        return false;
    m_plan->setCurrentIndex(index);
    m_renew->setChecked(renew && m_renew->isEnabled());
    return true;
}

void LaunchDialog::setUploadEstimate(const QString &text)
{
    m_upload->setText(text);
    m_upload->setVisible(!text.isEmpty());
}

void LaunchDialog::loadImages()
{
    m_image->setEnabled(false);
    m_imageState->setText(tr("Loading images…"));
    validate();
    m_client->images(this, [this](Result<QList<protocol::Image>> images) {
        if (!images) {
            m_imageState->setText(tr("Cannot load images: %1").arg(images.error().message));
            auto *retry = new QPushButton(tr("Try again"), this);
            m_buttons->addButton(retry, QDialogButtonBox::ActionRole);
            connect(retry, &QPushButton::clicked, this, [this, retry] {
                retry->deleteLater();
                loadImages();
            });
            return;
        }
        m_image->clear();
        for (const auto &image : *images) {
            m_image->addItem(image.title.isEmpty() ? image.ref
                                                   : tr("%1 (%2)").arg(image.title, image.ref),
                             image.ref);
            m_image->setItemData(m_image->count() - 1, image.has_jupyter, Qt::UserRole + 1);
        }
        // The first item became current while it was added, before its Jupyter flag was set.
        updateJupyter();
        m_image->setEnabled(!images->isEmpty());
        m_imageState->setText(images->isEmpty()
                                  ? tr("No host of this market offers an image yet.")
                                  : QString());
        m_imageState->setVisible(images->isEmpty());
        validate();
        loadOwnImages();
    });
}

void LaunchDialog::loadOwnImages()
{
    // Saved images (docs/app.md, "Saved images"): the renter's own, after the hosts'. One that
    // lives on another host cannot launch here and says where it lives.
    m_client->ownImages(this, [this](Result<QList<protocol::OwnImage>> own) {
        if (!own)
            return; // the hosts' images are there; the renter's own are a bonus
        auto *model = qobject_cast<QStandardItemModel *>(m_image->model());
        for (const auto &image : *own) {
            if (image.state != "ready"_L1)
                continue;
            const bool here = !image.host_id || *image.host_id == m_offer.host_id;
            const QString where = !image.host_id ? tr("my image")
                                  : here         ? tr("my image, lives on this host only")
                                                 : tr("my image, lives on host %1 only: launch "
                                                              "it there")
                                               .arg(image.host_name);
            m_image->addItem(tr("%1 (%2)").arg(image.name, where), image.ref);
            const int index = m_image->count() - 1;
            m_image->setItemData(index, image.has_jupyter, Qt::UserRole + 1);
            if (!here && model)
                model->item(index)->setEnabled(false);
        }
        m_image->setEnabled(m_image->count() > 0);
        updateJupyter();
        validate();
    });
}

Result<QMap<QString, QString>> LaunchDialog::parseEnv(const QString &text)
{
    static const QRegularExpression line(u"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$"_s);
    QMap<QString, QString> env;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString l = lines[i].trimmed();
        if (l.isEmpty() || l.startsWith(u'#'))
            continue;
        const auto m = line.match(l);
        if (!m.hasMatch())
            return makeError(u"invalid_env"_s,
                             tr("Environment line %1 is not KEY=value.").arg(i + 1));
        env.insert(m.captured(1), m.captured(2));
    }
    return env;
}

void LaunchDialog::validate()
{
    QString problem;
    if (auto env = parseEnv(m_env->toPlainText()); !env)
        problem = env.error().message;
    else if (m_image->currentData().toString().isEmpty())
        problem = m_image->isEnabled() ? tr("Choose an image.") : QString();
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(problem.isEmpty() && !m_image->currentData().toString().isEmpty());
}

void LaunchDialog::setRetentionDays(std::optional<qint64> days)
{
    m_retentionDays = days;
    updateBreakdown();
}

void LaunchDialog::updateBreakdown()
{
    const auto hour = app::estimateCost(m_offer, m_gpus->value(), m_disk->value(), 3600);
    const auto day = app::estimateCost(m_offer, m_gpus->value(), m_disk->value(), 86400);
    auto price = [this](Micro m) { return app::formatPrice(m, m_currency, m_locale); };
    QString text;
    if (m_offer.gpus_total == 0)
        text = tr("Machine: <b>%1/h</b>").arg(price(m_offer.price_gpu_hour_micro));
    else
        text = tr("%1 GPU × %2/h = <b>%3/h</b>")
                   .arg(m_gpus->value())
                   .arg(price(m_offer.price_gpu_hour_micro), price(hour.perHour));
    // What the instance gets of the machine, as its limits will be (DESIGN §9.4).
    if (m_offer.gpus_total == 0)
        text +=
            u"<br>"_s + tr("It gets %n core(s) and %1 GB of memory.", nullptr, m_offer.cpu_cores)
                            .arg(m_locale.toString(double(m_offer.ram_mb) / 1024, 'f', 0));
    else if (m_offer.cpu_cores_per_gpu && m_offer.ram_mb_per_gpu)
        text += u"<br>"_s +
                tr("It gets %n core(s) and %1 GB of memory (per GPU: %2 cores, %3 GB).", nullptr,
                   int(*m_offer.cpu_cores_per_gpu * m_gpus->value()))
                    .arg(m_locale.toString(double(*m_offer.ram_mb_per_gpu * m_gpus->value()) / 1024,
                                           'f', 0))
                    .arg(*m_offer.cpu_cores_per_gpu)
                    .arg(m_locale.toString(double(*m_offer.ram_mb_per_gpu) / 1024, 'f', 0));
    else
        text += u"<br>"_s + tr("The host did not say how many of its %n core(s) an instance gets.",
                               nullptr, m_offer.cpu_cores);
    text += u"<br>"_s + tr("A day of running: %1").arg(price(day.gpu));
    text += u"<br>"_s +
            (m_retentionDays
                 ? tr("Stopped, the %1 GB disk costs %2/day; the data is deleted %n day(s) after "
                      "a stop.",
                      nullptr, int(*m_retentionDays))
                       .arg(m_disk->value())
                       .arg(price(hour.storagePerDay))
                 : tr("Stopped, the %1 GB disk costs %2/day; the data is deleted some days "
                      "after a stop (the market has not said how many yet).")
                       .arg(m_disk->value())
                       .arg(price(hour.storagePerDay)));
    const QString plan = m_plan->currentData().toString();
    bool onPlan = false;
    for (const PlanChoice &c : planChoices(m_offer, m_gpus->value())) {
        if (c.plan != plan)
            continue;
        onPlan = true;
        text += u"<br>"_s +
                tr("Paid now: <b>%1</b> for %2 from the moment it runs; nothing per second and no "
                   "storage during them, and the GPUs stay yours while it is stopped.")
                    .arg(price(c.price), periodName(c.plan));
        text += u"<br>"_s +
                tr("Released early, the time used is billed by the hour and the rest refunded.");
        text += u"<br>"_s +
                (m_renew->isChecked()
                     ? tr("At the end it renews for %1 when the balance covers it, otherwise it "
                          "goes on by the hour.")
                           .arg(price(c.price))
                     : tr("At the end it goes on by the hour; a notice comes a day before."));
    }
    if (!onPlan)
        text += u"<br>"_s + tr("Billed per second from the moment it runs.");
    if (const auto limit = app::parseMoney(m_maxSpend->text()); limit && *limit > 0 && hour.perHour > 0) {
        const qint64 seconds = qint64((Int128(*limit) * 3600) / hour.perHour);
        text += u"<br>"_s + tr("Stops after spending %1, about %2 of running.")
                                .arg(price(*limit), app::formatDuration(seconds));
    }
    if (m_maxHours->value() > 0) {
        const auto limit = app::estimateCost(m_offer, m_gpus->value(), m_disk->value(),
                                             qint64(m_maxHours->value()) * 3600);
        text += u"<br>"_s + tr("Stops after %n hour(s), at most %1.", nullptr, m_maxHours->value())
                                .arg(price(limit.gpu));
    }
    m_breakdown->setText(text);
    // A plan's lines make the breakdown longer than when the dialog opened: the dialog grows
    // to show them whole (never shrinks under the user's hand).
    if (isVisible()) {
        QTimer::singleShot(0, this, [this] {
            const int needed = heightForWidth(width());
            if (needed > height())
                resize(width(), needed);
        });
    }
}

protocol::CreateInstanceRequest LaunchDialog::request() const
{
    protocol::CreateInstanceRequest r;
    r.offer_id = m_offer.id;
    r.gpu_count = m_gpus->value();
    r.image = m_image->currentData().toString();
    r.disk_gb = m_disk->value();
    r.label = m_label->text().trimmed();
    if (auto env = parseEnv(m_env->toPlainText()))
        r.env = *env;
    r.onstart = m_onstart->toPlainText().trimmed();
    r.jupyter = m_jupyter->isChecked();
    r.max_spend_micro = app::parseMoney(m_maxSpend->text()).value_or(0);
    r.max_duration_s = qint64(m_maxHours->value()) * 3600;
    r.plan = m_plan->currentData().toString();
    if (r.plan.isEmpty())
        r.plan = u"hourly"_s;
    r.renew = r.plan != "hourly"_L1 && m_renew->isChecked();
    return r;
}

} // namespace suanli::ui
