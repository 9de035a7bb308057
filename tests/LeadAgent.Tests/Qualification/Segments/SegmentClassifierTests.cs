using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Segments;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Tests.Qualification.Segments;

/// <summary>The rules at their edges: too little to judge, not-fit and excluded terms, folding, languages.</summary>
public sealed class SegmentClassifierTests
{
    private static readonly SegmentClassifier Classifier = SegmentClassifier.For(IcpDefaults.Create());

    private static CompanySignals Company(string name, string text = "", string? title = null, string? industry = null,
        int? employees = null, string country = "DE") => new(Guid.NewGuid(), name, null, country, null, industry,
        SizeBand.Unknown, [], text, title, null, null, [], employees, null, 0, 0, null);

    [Fact]
    public void A_bare_name_is_unknown_and_an_empty_site_says_nothing()
    {
        var verdict = Classifier.Classify(Company("Müller GmbH"));
        Assert.Equal(Segment.Unknown, verdict.Segment);
        Assert.Equal(0, verdict.Confidence);
        Assert.Equal(FitMethod.Rules, verdict.Method);
    }

    [Fact]
    public void A_researched_site_without_segment_words_is_not_a_fit()
    {
        var text = string.Join(' ', Enumerable.Repeat("Wir freuen uns auf Ihren Besuch in unserem Laden.", 6));
        Assert.Equal(Segment.NotAFit, Classifier.Classify(Company("Laden Huber", text)).Segment);
    }

    [Fact]
    public void Name_or_industry_alone_is_enough()
    {
        Assert.Equal(Segment.EventAgency, Classifier.Classify(Company("Eventagentur Lichtblick GmbH")).Segment);
        Assert.Equal(Segment.Reseller, Classifier.Classify(Company("Huber KG", industry: "Werbeartikel")).Segment);
    }

    [Fact]
    public void Umlauts_and_sharp_s_are_folded_both_ways_and_hyphens_split()
    {
        var written = Classifier.Classify(Company("A", "Ihr Werbeartikelhändler für Großhandel und Give-aways."));
        var folded = Classifier.Classify(Company("A", "Ihr Werbeartikelhaendler fuer Grosshandel und Giveaways."));
        Assert.Equal(Segment.Reseller, written.Segment);
        Assert.Equal(written.Segment, folded.Segment);
        Assert.Equal(written.Confidence, folded.Confidence);
        Assert.Contains(written.Evidence, e => e.Term == "großhandel");
        Assert.Contains(folded.Evidence, e => e.Term == "give-aways");
    }

    [Fact]
    public void Words_inside_other_words_do_not_count()
    {
        // "marke" must not be found in "Marketing", nor "bank" in "Bankett".
        var verdict = Classifier.Classify(Company("B", "Marketing und Bankett für Sie. Marketing. Bankett."));
        Assert.DoesNotContain(verdict.Evidence, e => e.Term is "marke" or "bank");
    }

    [Fact]
    public void Not_fit_terms_outweigh_words_used_in_passing()
    {
        var bakery = Company("Bäckerei Sonnenschein", "Frisches Brot aus der Backstube. Wir liefern auch Frühstück "
            + "für Firmenfeiern und Tagungen.", "Bäckerei Sonnenschein – seit 1952");
        var verdict = Classifier.Classify(bakery);
        Assert.Equal(Segment.NotAFit, verdict.Segment);
        Assert.Contains(verdict.Evidence, e => e.Term == "bäckerei" && e.Source is "name" or "title");
    }

    [Fact]
    public void Software_for_event_agencies_is_not_an_event_agency()
    {
        var verdict = Classifier.Classify(Company("Planify GmbH", "Unsere Eventmanagement-Software nutzen über 300 "
            + "Eventagenturen. Registrierung und Check-in in einer Plattform.", "Planify – Softwareentwicklung"));
        Assert.Equal(Segment.NotAFit, verdict.Segment);
    }

    [Fact]
    public void An_excluded_term_in_the_title_rules_its_segment_out()
    {
        var text = "Als Hersteller von Werbeartikeln liefern wir Werbemittel an den Handel. Eigene Produktion.";
        var verdict = Classifier.Classify(Company("Plastiform GmbH", text, "Hersteller von Werbeartikeln"));
        Assert.NotEqual(Segment.Reseller, verdict.Segment);
        Assert.Contains(verdict.Evidence, e => e.Term == "excluded term" && e.Weight < 0);
    }

    [Fact]
    public void An_excluded_term_said_once_in_passing_does_not_rule_out()
    {
        var text = "Eventagentur für Firmenevents, Incentives und Tagungen. Wir finden die passende Eventlocation. "
            + "Roadshows und Messeauftritte aus einer Hand.";
        Assert.Equal(Segment.EventAgency, Classifier.Classify(Company("Festwerk GmbH", text)).Segment);
    }

    [Fact]
    public void Mixed_language_sites_are_read_in_both_languages()
    {
        var text = "Willkommen! We are a promotional products distributor. Werbeartikel mit Ihrem Logo, "
            + "corporate gifts and giveaways.";
        var verdict = Classifier.Classify(Company("Logo Kontor AG", text, country: "CH"));
        Assert.Equal(Segment.Reseller, verdict.Segment);
        Assert.Contains(verdict.Evidence, e => e.Term == "werbeartikel");
        Assert.Contains(verdict.Evidence, e => e.Term == "promotional products");
    }

    [Fact]
    public void Repeated_terms_saturate_and_titles_weigh_more_than_body_text()
    {
        var once = Classifier.Classify(Company("X", "Werbeartikel."));
        var often = Classifier.Classify(Company("X", string.Join(' ', Enumerable.Repeat("Werbeartikel.", 50))));
        var title = Classifier.Classify(Company("X", "", "Werbeartikel"));
        double Weight(SegmentVerdict v) => v.Evidence.Single(e => e.Term == "werbeartikel").Weight;
        Assert.True(Weight(often) <= 2 * Weight(once));
        Assert.True(Weight(title) > Weight(once));
    }

    [Fact]
    public void Size_makes_a_corporate_client_and_a_handful_of_people_never_is()
    {
        var big = Classifier.Classify(Company("Nordstern AG", "Unternehmensgruppe mit Standorten in Europa. "
            + "Karriere.", employees: 4200));
        Assert.Equal(Segment.CorporateClient, big.Segment);
        Assert.Contains(big.Evidence, e => e.Source == "size");
    }

    [Fact]
    public void Classification_is_the_same_from_many_threads()
    {
        var companies = SegmentFixture.Companies.Select(c => c.Signals).ToList();
        var serial = companies.Select(Classifier.Classify).Select(v => (v.Segment, v.Confidence)).ToList();
        var parallel = companies.AsParallel().AsOrdered().Select(Classifier.Classify)
            .Select(v => (v.Segment, v.Confidence)).ToList();
        Assert.Equal(serial, parallel);
    }
}
