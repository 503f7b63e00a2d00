#include "barchart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace suanli::ui::charts {

class BarChartView : public QChartView
{
public:
    explicit BarChartView(QChart *chart)
        : QChartView(chart)
    {
        setRenderHint(QPainter::Antialiasing);
        m_set = new QBarSet(QString());
        m_set->setColor(QColor(0x4e79a7));
        m_set->setBorderColor(QColor(0x4e79a7));
        m_series = new QBarSeries;
        m_series->append(m_set);
        m_series->setBarWidth(0.8);
        chart->addSeries(m_series);
        m_x = new QBarCategoryAxis;
        m_y = new QValueAxis;
        chart->addAxis(m_x, Qt::AlignBottom);
        chart->addAxis(m_y, Qt::AlignLeft);
        m_series->attachAxis(m_x);
        m_series->attachAxis(m_y);
        m_x->setGridLineVisible(false);

    }
    QBarSet *m_set;
    QBarSeries *m_series;
    QBarCategoryAxis *m_x;
    QValueAxis *m_y;
};

BarChart::BarChart(const QString &title, const QString &unit, QWidget *parent)
    : QWidget(parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setVisible(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    m_view = new BarChartView(chart);
    m_view->m_y->setTitleText(unit);
    m_view->m_y->setTickCount(5);
    m_view->m_y->setLabelFormat(QStringLiteral("%.2f"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setMinimumSize(240, 160);
    connect(m_view->m_series, &QBarSeries::hovered, this, [this](bool status, int index) {
        if (status)
            QToolTip::showText(QCursor::pos(), readout(index), this);
        else
            QToolTip::hideText();
    });
}

BarChart::~BarChart() = default;

void BarChart::setBars(const QStringList &categories, const QList<double> &values, double yMax,
                       const QStringList &names)
{
    m_categories = categories;
    m_names = names.size() == categories.size() ? names : categories;
    m_values = values;
    if (m_view->m_set->count() > 0)
        m_view->m_set->remove(0, m_view->m_set->count());
    m_view->m_set->append(values);
    // Qt Charts 6.4 elides every label of a category narrower than its text ("10" under 31
    // bars is "…", whatever the angle or font). Past 12 bars the labels go; the title says
    // what the bars are and the readout names each one.
    m_view->m_x->clear();
    m_view->m_x->append(categories);
    m_view->m_x->setLabelsVisible(categories.size() <= 12);
    m_view->m_y->setRange(0, yMax);
    // Round ticks, as TimeChart: 0–1 in 0.2, 0–2 in 0.5, 0–2.5 in 0.5, 0–5 in 1 (× 10^n).
    const double base = std::pow(10.0, std::floor(std::log10(yMax > 0 ? yMax : 1)));
    const int ticks = std::abs(yMax / base - 2) < 1e-6 ? 5 : 6;
    const double step = yMax / (ticks - 1);
    m_view->m_y->setTickCount(ticks);
    m_view->m_y->setLabelFormat(QStringLiteral("%.")
                                + QString::number(step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9)))
                                + QStringLiteral("f"));
}

void BarChart::setTitle(const QString &title)
{
    m_view->chart()->setTitle(title);
}

QString BarChart::readout(int index) const
{
    if (index < 0 || index >= m_values.size())
        return {};
    const QString value = m_format ? m_format(m_values[index])
                                   : QLocale().toString(m_values[index], 'f', 2);
    return tr("%1: %2", "category: value").arg(m_names.value(index), value);
}

double BarChart::yMax() const
{
    return m_view->m_y->max();
}

} // namespace suanli::ui::charts
