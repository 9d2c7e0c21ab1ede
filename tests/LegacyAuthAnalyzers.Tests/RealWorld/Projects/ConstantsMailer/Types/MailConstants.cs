namespace Shop.Library.Mail;

public static class MailConstants
{
    public static readonly string User = "orders@shop-example.com";
    public static readonly string Password = "Vx7#pLq2!Rm9";
    public static readonly string Server = "smtp.office365.com";
    public const int Port = 587;
}
