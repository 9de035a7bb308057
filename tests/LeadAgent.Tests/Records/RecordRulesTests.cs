using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Orders;

namespace LeadAgent.Tests.Records;

/// <summary>The records' factories: defaults, cut names and titles, status times, identities and line totals.</summary>
public sealed class RecordRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_lead_is_new_as_of_now_and_its_title_is_cut_to_the_limit()
    {
        var companyId = Guid.NewGuid();
        var lead = Lead.Open(new string('x', Lead.TitleMax + 5), companyId, LeadSource.InboundMessage, Now);

        Assert.Equal(Lead.TitleMax, lead.Title.Length);
        Assert.Equal(companyId, lead.CompanyId);
        Assert.Equal(LeadStatus.New, lead.Status);
        Assert.Equal(LeadSource.InboundMessage, lead.Source);
        Assert.Equal(Now, lead.StatusChangedAt);
        Assert.Equal(Lead.DefaultCurrency, lead.Currency);
    }

    [Fact]
    public void A_lead_keeps_the_time_of_its_last_real_status_change()
    {
        var lead = Lead.Open("Badges", Guid.NewGuid(), LeadSource.Manual, Now, "CHF");

        Assert.False(lead.SetStatus(LeadStatus.New, Now.AddHours(1)));
        Assert.Equal(Now, lead.StatusChangedAt);
        Assert.True(lead.SetStatus(LeadStatus.Won, Now.AddHours(2)));
        Assert.Equal((LeadStatus.Won, Now.AddHours(2)), (lead.Status, lead.StatusChangedAt));
        Assert.Equal("CHF", lead.Currency);
    }

    [Fact]
    public void Names_from_elsewhere_are_cut_to_the_columns()
    {
        Assert.Equal(Company.NameMax, Company.Named(new string('c', 300)).Name.Length);
        var contact = Contact.Named(new string('f', 150), new string('l', 150));
        Assert.Equal((Contact.FirstNameMax, Contact.LastNameMax), (contact.FirstName.Length, contact.LastName!.Length));
        Assert.Null(Contact.Named("Jane").LastName);
    }

    [Fact]
    public void A_contact_is_reached_through_identities_that_point_back_at_it()
    {
        var contact = Contact.Named("Jane", "Doe");
        Assert.True(contact.LacksKind(IdentityKind.Email));

        var email = contact.Reach(IdentityKind.Email, "jane@example.com", isPrimary: true, label: "work");

        Assert.Same(email, Assert.Single(contact.Identities));
        Assert.Equal((contact.Id, "work", true), (email.ContactId, email.Label, email.IsPrimary));
        Assert.False(contact.LacksKind(IdentityKind.Email));
    }

    [Fact]
    public void A_new_order_is_confirmed_and_its_lines_are_totalled_to_the_cent()
    {
        var order = Order.Place("SO-1", Guid.NewGuid(), new DateOnly(2026, 11, 30));

        var line = order.AddLine("Mugs", "Drinkware", 3, 0.333m);

        Assert.Equal((OrderStatus.Confirmed, Order.DefaultCurrency), (order.Status, order.Currency));
        Assert.Equal((order.Id, 1.00m), (line.OrderId, line.LineTotal));
        Assert.Same(line, Assert.Single(order.Lines));
    }
}
