#include "offerdetailpane.h"

#include "app/costestimate.h"
#include "app/moneyformat.h"
#include "app/offertablemodel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

OfferDetailPane::OfferDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_empty(new QLabel(tr("Select an offer to see its details and what it costs."), this))
    , m_body(new QWidget(this))
    , m_specs(new QLabel(m_body))
    , m_upload(new QLabel(m_body))
    , m_gpus(new QSpinBox(m_body))
    , m_disk(new QSpinBox(m_body))
    , m_hours(new QSpinBox(m_body))
    , m_stoppedDays(new QSpinBox(m_body))
    , m_estimate(new QLabel(m_body))
    , m_rent(new QPushButton(tr("Rent…"), m_body))
{
    setMinimumWidth(280);
    setMaximumWidth(340);
    auto *layout = new QVBoxLayout(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_body, 1);

    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    m_specs->setObjectName(u"offerSpecs"_s);
    m_specs->setTextFormat(Qt::RichText);
    m_specs->setWordWrap(true);
    body->addWidget(m_specs);
    m_upload->setObjectName(u"uploadEstimate"_s);
    m_upload->setWordWrap(true);
    m_upload->hide();
    body->addWidget(m_upload);

    auto *estimateBox = new QGroupBox(tr("Cost estimate"), m_body);
    auto *form = new QFormLayout(estimateBox);
    m_gpus->setRange(1, 1);
    form->addRow(tr("GPUs"), m_gpus);
    m_disk->setRange(10, 10000);
    m_disk->setValue(50);
    m_disk->setSuffix(tr(" GB"));
    form->addRow(tr("Disk"), m_disk);
    m_hours->setRange(1, 24 * 90);
    m_hours->setValue(8);
    m_hours->setSuffix(tr(" h"));
    form->addRow(tr("Running for"), m_hours);
    m_stoppedDays->setRange(0, 15);
    m_stoppedDays->setSuffix(tr(" days"));
    form->addRow(tr("Then kept stopped"), m_stoppedDays);
    m_estimate->setTextFormat(Qt::RichText);
    m_estimate->setWordWrap(true);
    form->addRow(m_estimate);
    body->addWidget(estimateBox);
    m_rent->setObjectName(u"rentButton"_s);
    m_rent->setDefault(true);
    body->addWidget(m_rent, 0, Qt::AlignRight);
    body->addStretch(1);

    for (QSpinBox *box : {m_gpus, m_hours, m_stoppedDays})
        connect(box, &QSpinBox::valueChanged, this, &OfferDetailPane::updateEstimate);
    connect(m_disk, &QSpinBox::valueChanged, this, &OfferDetailPane::updateEstimate);
    connect(m_rent, &QPushButton::clicked, this, [this] {
        if (m_offer)
            emit rentRequested(*m_offer, m_offer->gpus_total == 0 ? 0 : m_gpus->value(),
                               m_disk->value());
    });
    setOffer(std::nullopt);
}

void OfferDetailPane::setCurrency(const QString &currency)
{
    m_currency = currency;
    updateSpecs();
}

void OfferDetailPane::setOffer(const std::optional<protocol::Offer> &offer)
{
    const bool sameOffer = offer && m_offer && offer->id == m_offer->id;
    m_offer = offer;
    m_empty->setVisible(!offer);
    m_body->setVisible(offer.has_value());
    if (!offer) {
        m_title->setText(tr("No offer selected"));
        return;
    }
    const int maxGpus = qMax(1, offer->gpus_free);
    m_gpus->setEnabled(offer->gpus_total > 0);
    m_gpus->setRange(1, maxGpus);
    if (!sameOffer)
        m_gpus->setValue(1);
    m_disk->setMaximum(qMax<qint64>(10, offer->disk_free_gb));
    updateSpecs();
}

void OfferDetailPane::updateSpecs()
{
    if (!m_offer)
        return;
    const protocol::Offer &o = *m_offer;
    m_title->setText(o.gpus_total == 0 ? tr("CPU-only machine · %1").arg(o.host_name)
                                       : tr("%1 × %2 · %3").arg(o.gpus_total).arg(o.gpu_model, o.host_name));
    auto row = [](const QString &name, const QString &value) {
        return u"<tr><td style='color:palette(mid); padding-right:12px'>%1</td><td>%2</td></tr>"_s
            .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = u"<table>"_s;
    if (o.gpus_total > 0) {
        html += row(tr("GPUs free"), tr("%1 of %2").arg(o.gpus_free).arg(o.gpus_total));
        html += row(tr("VRAM per GPU"), tr("%1 GB").arg(m_locale.toString(double(o.gpu_memory_mb) / 1024, 'f', 0)));
        html += row(tr("CUDA / driver"), u"%1 / %2"_s.arg(o.cuda_version, o.driver_version));
        html += row(tr("Peak FP16"), o.perf_tflops ? tr("%1 TFLOPS").arg(m_locale.toString(*o.perf_tflops, 'f', 0))
                                                   : tr("unknown model"));
    }
    const auto gb = [this](qint64 mb) {
        return m_locale.toString(double(mb) / 1024, 'f', 0);
    };
    if (o.gpus_total == 0) {
        // A machine without GPUs: cpu_cores and ram_mb are what the instance gets.
        html += row(tr("CPU"), tr("%n core(s)", nullptr, o.cpu_cores));
        html += row(tr("RAM"), tr("%1 GB").arg(gb(o.ram_mb)));
    } else {
        html += row(tr("CPU per GPU"), o.cpu_cores_per_gpu
                                           ? tr("%n core(s)", nullptr, int(*o.cpu_cores_per_gpu))
                                           : tr("unknown"));
        html += row(tr("RAM per GPU"),
                    o.ram_mb_per_gpu ? tr("%1 GB").arg(gb(*o.ram_mb_per_gpu)) : tr("unknown"));
        html += row(tr("Machine"), tr("%n core(s), %1 GB", nullptr, o.cpu_cores).arg(gb(o.ram_mb)));
    }
    html += row(tr("Disk free"), tr("%1 GB").arg(m_locale.toString(o.disk_free_gb)));
    // What the agent measured, with its time; an unmeasured value is unknown, never "0". What
    // the host states is shown apart, as its word.
    html += row(tr("Network"), app::OfferTableModel::networkText(o, m_locale));
    if (o.inet_down_mbps > 0 || o.inet_up_mbps > 0)
        html += row(tr("Network (stated)"),
                    tr("↓ %1 / ↑ %2 Mbit/s").arg(o.inet_down_mbps).arg(o.inet_up_mbps));
    html += row(tr("Disk writes"), !o.measured_at.isValid() ? tr("not measured")
                                   : o.disk_write_mbps
                                       ? tr("%1 MB/s").arg(m_locale.toString(*o.disk_write_mbps))
                                       : tr("unknown"));
    html += row(tr("Measured"),
                o.measured_at.isValid()
                    ? m_locale.toString(o.measured_at.toLocalTime(), QLocale::ShortFormat)
                    : tr("never"));
    html += row(tr("Reliability"), m_locale.toString(o.reliability * 100, 'f', 1) + u'%');
    html += row(tr("Region"), o.region);
    html += row(tr("Verified"), o.verified ? tr("yes") : tr("no"));
    html += row(tr("Interruptible"), o.interruptible ? tr("yes: the owner may stop it, data kept") : tr("no"));
    if (o.min_duration_s > 0)
        html += row(tr("Minimum rental"), app::formatDuration(o.min_duration_s));
    html += row(o.gpus_total == 0 ? tr("Price per hour") : tr("Price per GPU-hour"),
                app::formatPrice(o.price_gpu_hour_micro, m_currency, m_locale));
    html += row(tr("Storage"), tr("%1 per GB-month").arg(app::formatPrice(o.price_storage_gb_month_micro, m_currency, m_locale)));
    html += u"</table>"_s;
    m_specs->setText(html);
    updateEstimate();
    updateUploadEstimate();
}

void OfferDetailPane::setUploadEstimate(std::function<QString(const protocol::Offer &)> estimate)
{
    m_uploadEstimate = std::move(estimate);
    updateUploadEstimate();
}

void OfferDetailPane::updateUploadEstimate()
{
    const QString text = m_offer && m_uploadEstimate ? m_uploadEstimate(*m_offer) : QString();
    m_upload->setText(text);
    m_upload->setVisible(!text.isEmpty());
}

void OfferDetailPane::updateEstimate()
{
    if (!m_offer)
        return;
    const auto e = app::estimateCost(*m_offer, m_gpus->value(), m_disk->value(),
                                     qint64(m_hours->value()) * 3600,
                                     qint64(m_stoppedDays->value()) * 86400);
    auto money = [this](Micro m) { return app::formatMoney(m, m_currency, m_locale); };
    m_estimate->setText(tr("GPU time: <b>%1</b> (%2/h)<br>Storage while stopped: <b>%3</b> "
                           "(%4/day)<br>Total: <b>%5</b>")
                            .arg(money(e.gpu), app::formatPrice(e.perHour, m_currency, m_locale),
                                 money(e.storage), app::formatPrice(e.storagePerDay, m_currency, m_locale),
                                 money(e.total)));
    m_rent->setEnabled(m_offer->gpus_total == 0 || m_offer->gpus_free > 0);
}

} // namespace suanli::ui
