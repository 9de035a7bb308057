using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Lookalikes;

namespace LeadAgent.Tests.Qualification.Lookalikes;

/// <summary>The similarity index without a database: terms, ranking, reasons, clients only, exact top-k.</summary>
public sealed class SimilarityIndexTests
{
    private static readonly ClientFacts Client = new(20_000m, 4, ["Lanyards", "Badges"]);

    private static CompanyDoc Doc(string name, string text, Segment segment = Segment.EventAgency,
        string country = "DE", SizeBand size = SizeBand.Small, ClientFacts? client = null) =>
        new(Guid.NewGuid(), name, segment, country, size) { SiteText = text, Client = client };

    [Fact]
    public void Terms_fold_umlauts_drop_stop_words_and_meet_across_word_forms()
    {
        Assert.Equal(["buero"], TermText.Terms("Büro"));
        Assert.Equal(TermText.Terms("Groesse"), TermText.Terms("Größe"));
        Assert.Empty(TermText.Terms("Straße"));
        Assert.Empty(TermText.Terms("für die und the and of 2024"));
        Assert.Equal(TermText.Terms("Messebauer"), TermText.Terms("messebau"));
        Assert.Equal(TermText.Terms("incentives"), TermText.Terms("Incentive"));
        Assert.Equal(TermText.Terms("Veranstaltungen"), TermText.Terms("Veranstaltung"));
        Assert.Equal(["cafe"], TermText.Terms("Café"));
    }

    [Fact]
    public void A_similar_client_ranks_above_a_dissimilar_one_with_the_reasons()
    {
        var fair = Doc("Messebau Nord", "Messebau und Incentive Reisen für Events, Eventagentur Hamburg",
            client: Client);
        var software = Doc("Cloud Software", "Enterprise software licences, cloud hosting and SaaS consulting",
            Segment.CorporateClient, "US", SizeBand.Large, new ClientFacts(90_000m, 12, ["Notebooks"]));
        var prospect = Doc("Messebau Süd", "Wir sind Ihre Eventagentur für Messebau und Incentives in München");
        var index = SimilarityIndex.Build([fair, software, prospect]);

        var matches = index.Nearest(prospect.Id, 10);

        Assert.Equal([fair.Id, software.Id], matches.Select(m => m.CompanyId));
        var best = matches[0];
        Assert.InRange(best.Similarity, 0.5, 1);
        Assert.True(best.Similarity > matches[1].Similarity);
        Assert.True(best.SameSegment);
        Assert.True(best.SameSize);
        Assert.Equal(RegionMatch.SameCountry, best.Region);
        Assert.Contains("messebau", best.SharedTerms);
        Assert.Equal(["Lanyards", "Badges"], best.OrderCategories);
        Assert.Contains("both: ", best.Why);
        Assert.Contains("orders Lanyards, Badges", best.Why);
        Assert.False(matches[1].SameSegment);
        Assert.Empty(matches[1].SharedTerms);
    }

    [Fact]
    public void Only_clients_are_returned_and_never_the_company_itself()
    {
        var client = Doc("Promo Werbemittel GmbH", "Werbemittel Druck Promotion", client: Client);
        var twin = Doc("Promo Werbemittel AG", "Werbemittel Druck Promotion");
        var index = SimilarityIndex.Build([client, twin]);

        Assert.Equal([client.Id], index.Nearest(twin.Id, 5).Select(m => m.CompanyId));
        Assert.Empty(index.Nearest(client.Id, 5));

        index.Upsert(client with { Client = null });
        Assert.Empty(index.Nearest(twin.Id, 5));
        Assert.Equal(0, index.ClientCount);
        index.Upsert(twin with { Client = Client });
        Assert.Equal([twin.Id], index.Nearest(client.Id, 5).Select(m => m.CompanyId));
        index.Remove(twin.Id);
        Assert.Empty(index.Nearest(client.Id, 5));
    }

    [Fact]
    public void A_company_outside_the_index_is_compared_with_the_vocabulary_it_holds()
    {
        var client = Doc("Brand Merch", "Merchandising Markenartikel Kampagnen", Segment.BrandOwner, client: Client);
        var index = SimilarityIndex.Build([client, Doc("Other", "Bäckerei Brot Brötchen")]);

        var matches = index.Nearest(Doc("New", "Merchandising für Kampagnen", Segment.BrandOwner), 3);

        Assert.Equal(client.Id, matches.Single().CompanyId);
        Assert.Contains("merchandising", matches[0].SharedTerms);
    }

    [Fact]
    public void Pruned_top_k_equals_scoring_every_client()
    {
        var random = new Random(7);
        string[] words = ["messe", "event", "incentive", "druck", "textil", "software", "bau", "reise", "marke",
            "promotion", "werbung", "logistik", "hotel", "catering", "schule", "verein", "agentur", "handel"];
        var docs = Enumerable.Range(0, 400).Select(i => Doc($"Company {i}",
            string.Join(' ', Enumerable.Range(0, 6).Select(_ => words[random.Next(words.Length)])),
            (Segment)random.Next(0, 6), random.Next(3) == 0 ? "AT" : "DE", (SizeBand)random.Next(0, 6),
            i % 3 == 0 ? new ClientFacts(random.Next(0, 50_000), 1, []) : null)).ToList();
        var index = SimilarityIndex.Build(docs);

        foreach (var doc in docs.Take(40))
        {
            var all = index.Nearest(doc.Id, index.ClientCount);
            var top = index.Nearest(doc.Id, 5);
            Assert.Equal(all.Take(5).Select(m => m.Similarity), top.Select(m => m.Similarity));
        }
    }

    [Fact]
    public void Similarity_to_the_best_clients_is_higher_for_a_lookalike()
    {
        var best = Doc("Top Agentur", "Eventagentur Messebau Incentive", client: new ClientFacts(80_000m, 9, []));
        var idle = Doc("Old Client", "Eventagentur Messebau Incentive", client: new ClientFacts(0m, 0, []));
        var like = Doc("Like", "Eventagentur für Messebau");
        var unlike = Doc("Unlike", "Zahnarztpraxis Zahnreinigung", Segment.Unknown, "FR", SizeBand.Large);
        var index = SimilarityIndex.Build([best, idle, like, unlike]);

        Assert.True(index.IsBest(best.Client!));
        Assert.False(index.IsBest(idle.Client!));
        Assert.True(index.ClientSimilarity(like.Id) > index.ClientSimilarity(unlike.Id));
        Assert.InRange(index.ClientSimilarity(like.Id)!.Value, 0, 1);
        Assert.Null(index.ClientSimilarity(Guid.NewGuid()));
    }

    [Fact]
    public void An_index_without_clients_answers_nothing()
    {
        var a = Doc("A", "Messebau");
        var index = SimilarityIndex.Build([a, Doc("B", "Messebau")]);

        Assert.Empty(index.Nearest(a.Id, 5));
        Assert.Null(index.ClientSimilarity(a.Id));
    }
}
