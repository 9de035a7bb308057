using System.Text;
using LeadAgent.Web.Features.Discovery.Extraction;

namespace LeadAgent.Tests.Discovery.Extraction;

/// <summary>Lenient JSON-LD reading (extruct's recovery steps) and which nodes count as the site's company.</summary>
public sealed class JsonLdTests
{
    [Theory]
    [InlineData("{\"name\":\"A\"}")]
    [InlineData("<!-- {\"name\":\"A\"} -->")]
    [InlineData("<![CDATA[ {\"name\":\"A\"} ]]>")]
    [InlineData("// SEO plugin v3\n{\"name\":\"A\",}")]
    [InlineData("{\"name\":\"A\"}; window.x = 1;")]
    [InlineData("{&quot;name&quot;:&quot;A&quot;}")]
    [InlineData("{\"name\":\"A\" /* brand */}")]
    [InlineData("{\"name\":\"\\x41\"}")]
    [InlineData("{\"name\":\"A\", \"note\": \"it\\'s\"}")]
    [InlineData("{\"name\":\"A\", \"slogan\": \"line one\nline two\"}")]
    public void Broken_json_ld_is_read_anyway(string script)
    {
        var values = JsonLdReader.Parse(script);

        Assert.Equal("A", Assert.Single(values).GetProperty("name").GetString());
    }

    [Fact]
    public void Several_values_in_one_script_are_all_kept_and_garbage_gives_none()
    {
        Assert.Equal(2, JsonLdReader.Parse("{\"a\":1}\n{\"b\":2}").Count);
        Assert.Empty(JsonLdReader.Parse("var x = 'no json here';"));
        Assert.Empty(JsonLdReader.Parse("{\"a\": [1, 2"));
        Assert.Empty(JsonLdReader.Parse(new string('[', 10_000)));
    }

    private static List<string> FactsOf(string json, string? region = "DE")
    {
        var sink = new FactSink("https://x.de/");
        JsonLdFacts.Extract(JsonLdReader.Parse(json), sink, region);
        return sink.Facts.Select(f => $"{f.Field}: {f.Value}").ToList();
    }

    [Fact]
    public void Organisations_are_found_in_graphs_arrays_and_as_publisher_with_every_field_shape()
    {
        var facts = FactsOf("""
            {"@graph": [
              {"@type": "WebSite", "publisher": {"@type": ["Thing", "schema:HomeAndConstructionBusiness"],
                "name": "Holzbau Kern", "legalName": "Holzbau Kern GmbH", "vatID": "DE 136 695 976",
                "email": ["mailto:Info@Holzbau-Kern.de"], "telephone": "0761 1234567",
                "address": [{"@type": "PostalAddress", "streetAddress": "Talweg 4", "postalCode": "79098",
                  "addressLocality": "Freiburg", "addressCountry": "Deutschland"}],
                "contactPoint": {"@type": "ContactPoint", "telephone": "+49 761 7654321",
                  "email": "jobs@holzbau-kern.de"},
                "sameAs": "https://www.instagram.com/holzbaukern/", "numberOfEmployees": "35",
                "employee": [{"@type": "Person", "name": "Eva Kern", "jobTitle": "Geschäftsführerin"}]}}
            ]}
            """);

        Assert.Equal(
        [
            "name: Holzbau Kern", "legalName: Holzbau Kern GmbH", "legalForm: GmbH", "vatId: DE136695976",
            "street: Talweg 4", "postcode: 79098", "city: Freiburg", "country: DE", "phone: +497611234567",
            "email: info@holzbau-kern.de", "phone: +497617654321", "email: jobs@holzbau-kern.de",
            "social: https://www.instagram.com/holzbaukern", "employees: 35", "person: Eva Kern — Geschäftsführerin",
        ], facts);
    }

    [Fact]
    public void A_brand_or_parent_counts_only_when_there_is_no_other_organisation()
    {
        var withOwn = FactsOf("""
            {"@type": "Organization", "name": "Kern", "parentOrganization": {"@type": "Corporation", "name": "Holding"}}
            """);
        var onlyParent = FactsOf("""
            {"@type": "WebPage", "brand": {"@type": "Organization", "name": "Holding"}}
            """);

        Assert.Equal(["name: Kern"], withOwn);
        Assert.Equal(["name: Holding"], onlyParent);
    }

    [Fact]
    public void Events_give_their_organiser_and_people_without_a_title_are_skipped()
    {
        var facts = FactsOf("""
            [{"@type": "Event", "name": "Messe", "organizer": {"@type": "LocalBusiness", "name": "Expo Team"}},
             {"@type": "Person", "name": "Max Muster"}, {"@type": "Article", "author": {"@type": "Person",
              "name": "Anna Schreiber", "jobTitle": "Redakteurin"}}]
            """);

        Assert.Equal(["name: Expo Team"], facts);
    }

    [Fact]
    public void Json_ld_inside_a_page_is_read_from_every_script()
    {
        var html = """
            <script type="application/ld+json">{"@type":"Organization","name":"Eins"}</script>
            <script type="application/LD+JSON ">{"@type":"Store","name":"Zwei","telephone":"+49 30 1234567"}</script>
            <script type="text/javascript">{"@type":"Organization","name":"Nein"}</script>
            """;
        var page = PageExtractor.Extract(new Uri("https://eins.com/"), Encoding.UTF8.GetBytes(html), null,
            PageKind.Home, ExtractionContext.Empty);

        Assert.Equal(["Eins", "Zwei"], page.Facts.Where(f => f.Method == "json-ld" && f.Field == "name")
            .Select(f => f.Value));
        Assert.Contains(page.Facts, f => f is { Field: "phone", Value: "+49301234567", Method: "json-ld" });
    }

    [Fact]
    public void Odd_shapes_in_an_organisation_are_skipped_not_thrown()
    {
        var facts = FactsOf("""
            {"@type": "Organization", "name": ["Kern", "Kern Holzbau"], "contactPoint": ["+49 761 1234567", 42],
             "address": [], "telephone": {"@value": "0761 7654321"}, "sameAs": [null, 7, {"url": "https://x.com/kern"}],
             "numberOfEmployees": {"minValue": "12"}, "email": true, "vatID": "DE000000000"}
            """);

        Assert.Equal(["name: Kern", "phone: +497617654321", "social: https://x.com/kern", "employees: 12"], facts);
    }
}
