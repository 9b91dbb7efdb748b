def test_a_seller_with_no_village_role_lands_on_their_shop_pages(client, dagan):
    from balai.conftest import make_user
    from balai.market.models import Seller

    user = make_user("batik@dagan.desa.id", "Sekar")
    Seller.objects.create(village=dagan, name="Batik Sekar", whatsapp="+6281234567890", user=user)
    client.force_login(user)
    response = client.get("/dasbor/")
    assert response.status_code == 302
    assert response["Location"] == "/dasbor/dagan/lapak/penjual/"
